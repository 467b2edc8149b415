package io.handoff.gateway;

import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.telemetry.DeadLetterCopy;
import io.handoff.telemetry.DeadLetterMetrics;
import io.handoff.telemetry.LogIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the upstream conversations ({@code chat.conversation-events}): every message keeps its
 * conversation known for proactive take-over, messages of WAITING and LIVE conversations join the
 * transcript and reach agents, and a conversation closed upstream is closed here.
 *
 * <p>It reads every event of the topic, so it takes the records a poll brings as one batch: one
 * hand-over to a worker thread per batch rather than per event. Batches of a partition come one after
 * another (plain {@code @Blocking}), so one conversation's messages keep their order. An invalid event
 * goes to {@code chat.conversation-events.dlq} with the reason, and the batch goes on; a batch fails as a
 * whole only when the database does, and then the channel's dead-letter strategy takes its records.
 */
@ApplicationScoped
public class ConversationEventConsumer {

    public static final String CONVERSATION_EVENTS = "conversation-events";
    public static final String CONVERSATION_EVENTS_DLQ = "conversation-events-dlq";

    private static final Logger LOG = Logger.getLogger(ConversationEventConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final LiveChatSessions sessions;
    private final MutinyEmitter<byte[]> deadLetters;
    private final DeadLetterMetrics deadLetterMetrics;

    public ConversationEventConsumer(LiveChatSessions sessions,
                                     @Channel(CONVERSATION_EVENTS_DLQ) MutinyEmitter<byte[]> deadLetters,
                                     MeterRegistry registry) {
        this.sessions = sessions;
        this.deadLetters = deadLetters;
        this.deadLetterMetrics = new DeadLetterMetrics(registry);
    }

    @Incoming(CONVERSATION_EVENTS)
    @Blocking
    public void follow(ConsumerRecords<String, byte[]> batch) {
        for (ConsumerRecord<String, byte[]> record : batch) {
            ConversationEvent event;
            try {
                event = decoder.decode(record.value(), ConversationEvent.class);
            } catch (InvalidEventException e) {
                LOG.warnf("record with key %s sent to the dead-letter topic: %s", record.key(), e.getMessage());
                deadLetters.sendMessageAndAwait(DeadLetterCopy.of(record, e.getMessage()));
                deadLetterMetrics.written(record.topic());
                continue;
            }
            try (LogIds ids = LogIds.of(event)) {
                if (event instanceof MessageCreated message) {
                    sessions.recordMessage(message);
                } else if (event instanceof ConversationClosed closed) {
                    sessions.conversationClosed(closed);
                }
            }
        }
    }
}
