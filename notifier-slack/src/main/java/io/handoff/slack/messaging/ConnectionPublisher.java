package io.handoff.slack.messaging;

import io.handoff.events.slack.SlackConnection;
import io.handoff.slack.persistence.Connection;
import io.handoff.slack.persistence.WorkspaceRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells other services which chatbots have Slack connected, on the compacted
 * {@code handoff.slack-connections} topic, without ever sharing a token. Everything is re-published
 * on start, so the topic converges on the database even if a publish was lost.
 */
@ApplicationScoped
public class ConnectionPublisher {

    private static final Logger LOG = Logger.getLogger(ConnectionPublisher.class);

    private final MutinyEmitter<SlackConnection> emitter;
    private final WorkspaceRepository workspaces;

    public ConnectionPublisher(@Channel(Channels.SLACK_CONNECTIONS) MutinyEmitter<SlackConnection> emitter,
                               WorkspaceRepository workspaces) {
        this.emitter = emitter;
        this.workspaces = workspaces;
    }

    void republishAll(@Observes StartupEvent start) {
        List<Connection> all = workspaces.findAllConnections();
        all.forEach(this::publish);
        LOG.infof("published the Slack connections of %d chatbot(s)", all.size());
    }

    /** Sends the connection and waits for the broker's acknowledgement. */
    public void publish(Connection connection) {
        SlackConnection event = new SlackConnection(null, UUID.randomUUID().toString(), Instant.now(),
                connection.chatbotId(), connection.teamId(), connection.teamName(), connection.channelId(),
                connection.channelName());
        emitter.sendMessageAndAwait(KafkaRecord.of(connection.chatbotId(), event));
    }

    /** A tombstone: the chatbot has no Slack any more. */
    public void publishRemoval(String chatbotId) {
        emitter.sendMessageAndAwait(KafkaRecord.of(chatbotId, null));
    }
}
