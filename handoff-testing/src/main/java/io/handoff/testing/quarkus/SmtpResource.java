package io.handoff.testing.quarkus;

import io.handoff.testing.SmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points quarkus-mailer at a real SMTP server (GreenMail) and turns the mailer's mock off. */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(SmtpServer.shared().port()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // shared for the JVM; a shutdown hook stops it
    }
}
