package io.handoff.testing.quarkus;

import io.handoff.testing.TokenIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Makes the service under test trust tokens from {@link TokenIssuer#shared()}. */
public class TokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", TokenIssuer.shared().publicKeyPem(),
                "mp.jwt.verify.issuer", TokenIssuer.ISSUER);
    }

    @Override
    public void stop() {
        // nothing to stop: the issuer is only a key pair
    }
}
