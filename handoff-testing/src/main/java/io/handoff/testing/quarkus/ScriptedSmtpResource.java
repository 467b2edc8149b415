package io.handoff.testing.quarkus;

import io.handoff.testing.ScriptedSmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points quarkus-mailer at the JVM's {@link ScriptedSmtpServer}, for tests of how SMTP failures
 * (5xx, 4xx, refused connections) are handled. The mailer's connection pool stays as configured:
 * scripted answers concern {@code RCPT TO}, which every message sends.
 */
public class ScriptedSmtpResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(ScriptedSmtpServer.shared().port()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // shared for the JVM; a shutdown hook stops it
    }
}
