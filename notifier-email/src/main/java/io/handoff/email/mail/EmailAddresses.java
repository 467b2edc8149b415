package io.handoff.email.mail;

import java.util.regex.Pattern;

/**
 * Which addresses we put in headers. A visitor types their email into a chat widget; it goes into
 * {@code Reply-To} only when it is one plain address, so a typo cannot make every send fail and no
 * line break or second address can be smuggled into the header.
 */
public final class EmailAddresses {

    private static final Pattern PLAIN = Pattern.compile("[^@\\s<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private EmailAddresses() {
    }

    public static boolean isPlainAddress(String value) {
        return value != null && value.length() <= 254 && PLAIN.matcher(value).matches();
    }
}
