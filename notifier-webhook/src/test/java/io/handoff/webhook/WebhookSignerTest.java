package io.handoff.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    /**
     * The receiver-side check from the published contract, written the way the Node.js snippet does
     * it: "sha256=" + hex(HMAC-SHA256(secret, raw body)), compared in constant time.
     */
    static boolean verifySignature(byte[] payload, String secret, String signature) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(hmac.doFinal(payload));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void signatureIsAcceptedByTheContractVerifier() throws Exception {
        byte[] body = "{\"event\":\"escalation.created\"}".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSigner.sign(body, "my-secret");

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(verifySignature(body, "my-secret", signature)).isTrue();
        assertThat(verifySignature(body, "other-secret", signature)).isFalse();
        assertThat(verifySignature("{\"event\":\"x\"}".getBytes(StandardCharsets.UTF_8), "my-secret", signature)).isFalse();
    }

    @Test
    void theStandardSignatureIsWhatTheStandardWebhooksLibrarySigns() throws Exception {
        byte[] body = "{\"event\":\"escalation.created\",\"text\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8);
        com.standardwebhooks.Webhook library = new com.standardwebhooks.Webhook("my-secret".getBytes(StandardCharsets.UTF_8));

        String ours = WebhookSigner.standardSignature("3f1c0a52-9a1e-3c55-8b5e-0c6f4f2f9d10", 1_767_225_600L, body, "my-secret");

        assertThat(ours).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(ours).isEqualTo(library.sign("3f1c0a52-9a1e-3c55-8b5e-0c6f4f2f9d10", 1_767_225_600L,
                new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void matchesAKnownHmacVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String signature = WebhookSigner.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe");

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
