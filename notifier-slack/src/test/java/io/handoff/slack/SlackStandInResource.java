package io.handoff.slack;

import io.handoff.testing.SlackApiStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a local Slack Web API stand-in and points the notifier at it with a test bot token. */
public class SlackStandInResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "xoxb-test-token-never-logged";
    static SlackApiStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = SlackApiStandIn.start(0);
        return Map.of("handoff.slack.api-url", standIn.apiUrl(), "handoff.slack.bot-token", TOKEN);
    }

    @Override
    public void stop() {
        standIn.close();
    }
}
