package io.handoff.router.messaging;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.slack.SlackConnection;
import io.handoff.router.persistence.SlackConnectionRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns from notifier-slack which chatbots have a connected Slack workspace, so the settings API can
 * refuse enabling Slack without one and escalations go to the connection's channel. The topic is
 * compacted and keyed by chatbot id: a value is the current connection, a tombstone a disconnection.
 *
 * <p>The method takes the whole record because a tombstone has no payload, only its key. Records are
 * handled one after the other ({@code ordered = true}): a disconnection followed by a new connection
 * of the same chatbot must be applied in that order, and nothing but the partition order tells them
 * apart. Applying a record twice does no harm, so a redelivery after a crash is safe.
 */
@ApplicationScoped
public class SlackConnectionConsumer {

    private static final Logger LOG = Logger.getLogger(SlackConnectionConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final SlackConnectionRepository connections;

    public SlackConnectionConsumer(SlackConnectionRepository connections) {
        this.connections = connections;
    }

    @Incoming(Channels.SLACK_CONNECTIONS)
    @Blocking(ordered = true)
    public void record(ConsumerRecord<String, String> record) throws InvalidEventException {
        String chatbotId = record.key();
        if (record.value() == null) {
            if (chatbotId == null) {
                throw new InvalidEventException("a tombstone needs the chatbot id as its key");
            }
            if (connections.remove(chatbotId)) {
                LOG.infof("chatbot %s: Slack disconnected", chatbotId);
            }
            return;
        }
        SlackConnection connection = decoder.decode(record.value(), SlackConnection.class);
        if (!connection.chatbotId().equals(chatbotId)) {
            // compaction and tombstones work by key: a record under another key could never be removed
            throw new InvalidEventException("the record key '" + chatbotId + "' is not the chatbotId '"
                    + connection.chatbotId() + "'");
        }
        if (connections.save(connection)) {
            LOG.infof("chatbot %s: Slack connected to workspace %s, channel %s", connection.chatbotId(),
                    connection.teamId(), connection.channelId());
        } else {
            LOG.debugf("chatbot %s: Slack connection of %s is not newer than the stored one; ignored",
                    connection.chatbotId(), connection.occurredAt());
        }
    }
}
