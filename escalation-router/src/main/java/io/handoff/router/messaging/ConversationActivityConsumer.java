package io.handoff.router.messaging;

import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.router.persistence.ActivityRepository;
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
 * Counts conversations and declined offers from {@code chat.conversation-events}, for the statistics
 * ({@code GET /api/v1/chatbots/{id}/stats}).
 *
 * <p>Every service reads every event of that topic, so it takes the records a poll brings as one batch:
 * one hand-over to a worker thread per batch rather than per event. In order within each partition, so
 * a conversation's first message is the one recorded. An invalid event goes to
 * {@code chat.conversation-events.dlq} with the reason, and the batch goes on; a batch fails as a whole
 * only when the database does, and then the channel's dead-letter strategy takes its records.
 */
@ApplicationScoped
public class ConversationActivityConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationActivityConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final ActivityRepository activity;
    private final MutinyEmitter<byte[]> deadLetters;
    private final DeadLetterMetrics deadLetterMetrics;

    public ConversationActivityConsumer(ActivityRepository activity,
                                        @Channel(Channels.CONVERSATION_EVENTS_DLQ) MutinyEmitter<byte[]> deadLetters,
                                        MeterRegistry registry) {
        this.activity = activity;
        this.deadLetters = deadLetters;
        this.deadLetterMetrics = new DeadLetterMetrics(registry);
    }

    @Incoming(Channels.CONVERSATION_EVENTS)
    @Blocking
    public void record(ConsumerRecords<String, byte[]> batch) {
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
                if (event instanceof MessageCreated) {
                    activity.seen(event.chatbot().key(), event.conversation().key(), event.occurredAt());
                } else if (event instanceof EscalationDeclined) {
                    activity.declined(event.chatbot().key(), event.conversation().key(), event.occurredAt());
                }
            }
        }
    }
}
