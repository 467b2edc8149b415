package io.handoff.router;

import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.slack.SlackConnection;
import io.handoff.router.persistence.SlackConnectionRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.handoff.router.Broker.kafka;
import static org.awaitility.Awaitility.await;

/** Connects and disconnects chatbots' Slack workspaces the way notifier-slack does: on the connections topic. */
final class SlackWorkspaces {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SlackWorkspaces() {
    }

    static SlackConnection connection(String chatbot, String teamId, String channelId, Instant occurredAt) {
        return new SlackConnection(null, UUID.randomUUID().toString(), occurredAt, chatbot, teamId, "Acme Support",
                channelId, "support");
    }

    /** Publishes a connection and waits until the router has stored it. */
    static void connect(SlackConnectionRepository stored, String chatbot, String teamId, String channelId) throws Exception {
        kafka().send(Topics.SLACK_CONNECTIONS, chatbot,
                EventJson.mapper().writeValueAsString(connection(chatbot, teamId, channelId, Instant.now())));
        await().atMost(WAIT).until(() -> stored.find(chatbot)
                .map(c -> c.teamId().equals(teamId) && c.channelId().equals(channelId))
                .orElse(false));
    }

    /** Publishes a tombstone and waits until the router has forgotten the connection. */
    static void disconnect(SlackConnectionRepository stored, String chatbot) {
        kafka().send(Topics.SLACK_CONNECTIONS, chatbot, null);
        await().atMost(WAIT).until(() -> stored.find(chatbot).isEmpty());
    }
}
