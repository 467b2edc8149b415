package io.handoff.router.messaging;

import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.router.persistence.ActivityRepository;
import io.handoff.telemetry.ConversationEventBatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts conversations and declined offers from {@code chat.conversation-events}, for the statistics
 * ({@code GET /api/v1/chatbots/{id}/stats}).
 *
 * <p>Every service reads every event of that topic, so it takes the records a poll brings as one batch:
 * one hand-over to a worker thread, and one statement for its new conversations, per batch rather than
 * per event. In order within each partition, so a conversation's first message is the one recorded. An
 * invalid event goes to {@code chat.conversation-events.dlq} with the reason and the batch goes on
 * ({@link ConversationEventBatch}).
 */
@ApplicationScoped
public class ConversationActivityConsumer {

    private final ActivityRepository activity;
    private final ConversationEventBatch events;

    public ConversationActivityConsumer(ActivityRepository activity,
                                        @Channel(Channels.CONVERSATION_EVENTS_DLQ) MutinyEmitter<byte[]> deadLetters,
                                        MeterRegistry registry) {
        this.activity = activity;
        this.events = new ConversationEventBatch(deadLetters, registry);
    }

    @Incoming(Channels.CONVERSATION_EVENTS)
    @Blocking
    public void record(ConsumerRecords<String, byte[]> batch) {
        List<ActivityRepository.Seen> messages = new ArrayList<>();
        events.forEach(batch, event -> {
            if (event instanceof MessageCreated) {
                messages.add(new ActivityRepository.Seen(event.chatbot().key(), event.conversation().key(),
                        event.occurredAt()));
            } else if (event instanceof EscalationDeclined) {
                activity.declined(event.chatbot().key(), event.conversation().key(), event.occurredAt());
            }
        });
        // each write keeps the earliest time, so a decline written before its conversation's first message loses nothing
        activity.seen(messages);
    }
}
