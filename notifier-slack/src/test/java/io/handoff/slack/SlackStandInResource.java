package io.handoff.slack;

import io.handoff.testing.SlackApiStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a local Slack Web API stand-in and configures the notifier as an operator would for a real
 * Slack app: client id and secret for the install flow, a signing secret for the Events API.
 */
public class SlackStandInResource implements QuarkusTestResourceLifecycleManager {

    static final String BOT_TOKEN = "xoxb-test-token-never-logged";
    static final String CLIENT_ID = "1234.5678";
    static final String CLIENT_SECRET = "client-secret-never-logged";
    static final String SIGNING_SECRET = "signing-secret-never-logged";
    static final String PUBLIC_URL = "https://handoff.example.com";
    static SlackApiStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = SlackApiStandIn.start(0);
        return Map.of(
                "handoff.slack.api-url", standIn.apiUrl(),
                "handoff.slack.authorize-url", standIn.recorder().url("/oauth/v2/authorize"),
                "handoff.slack.client-id", CLIENT_ID,
                "handoff.slack.client-secret", CLIENT_SECRET,
                "handoff.slack.signing-secret", SIGNING_SECRET,
                "handoff.slack.public-url", PUBLIC_URL,
                "handoff.slack.retry-delays", "200ms,300ms");
    }

    @Override
    public void stop() {
        standIn.close();
    }
}
