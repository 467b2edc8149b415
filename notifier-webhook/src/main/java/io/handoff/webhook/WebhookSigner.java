package io.handoff.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Computes {@code X-Signature-256}: {@code sha256=} followed by the lowercase hex HMAC-SHA256 of the
 * exact bytes sent, keyed with the chatbot's signing secret (its UTF-8 bytes).
 */
public final class WebhookSigner {

    public static final String HEADER = "X-Signature-256";

    private WebhookSigner() {
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
