package io.handoff.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The two signatures every signed webhook carries, both HMAC-SHA256 keyed with the chatbot's signing
 * secret (its UTF-8 bytes):
 * <ul>
 *   <li>{@code X-Signature-256}: {@code sha256=} and the lowercase hex HMAC of the exact bytes sent, the
 *   contract receivers have always checked;</li>
 *   <li>{@code webhook-signature}: {@code v1,} and the base64 HMAC of {@code <webhook-id>.<webhook-timestamp>.<body>},
 *   as Standard Webhooks defines it. The timestamp is inside the signed bytes, so a captured request
 *   re-sent later with a fresh timestamp no longer verifies, and the standard libraries reject it.</li>
 * </ul>
 */
public final class WebhookSigner {

    public static final String HEADER = "X-Signature-256";
    public static final String STANDARD_ID_HEADER = "webhook-id";
    public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";

    private WebhookSigner() {
    }

    public static String sign(byte[] body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(hmac(body, secret));
    }

    /** The {@code webhook-signature} value for a message {@code id} sent at {@code timestamp} (Unix seconds). */
    public static String standardSignature(String id, long timestamp, byte[] body, String secret) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream(body.length + id.length() + 24);
        signed.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        signed.writeBytes(body);
        return "v1," + Base64.getEncoder().encodeToString(hmac(signed.toByteArray(), secret));
    }

    private static byte[] hmac(byte[] content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
