package io.handoff.email.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a recipient is named in the logs: an email address is personal data, so log lines carry a short
 * digest of it instead ({@code rcpt-3f9a0c12}). The same address always gives the same reference, so an
 * operator can follow one recipient through the log, and one who knows an address can find its lines,
 * but the log alone reveals none. The address itself is logged at DEBUG only.
 */
public final class RecipientRef {

    private RecipientRef() {
    }

    public static String of(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "rcpt-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** {@code text} (an SMTP server's reply, say) with the address replaced by its reference. */
    public static String scrub(String text, String address) {
        if (text == null || address.isBlank()) {
            return text;
        }
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(address.strip()),
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(of(address));
    }
}
