package io.handoff.router.messaging;

import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.router.persistence.ActivityRepository;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts conversations and declined offers from {@code chat.conversation-events}, for the statistics
 * ({@code GET /api/v1/chatbots/{id}/stats}). Invalid events go to {@code chat.conversation-events.dlq}.
 * In order, so a conversation's first message is the one recorded.
 */
@ApplicationScoped
public class ConversationActivityConsumer {

    private final EventDecoder decoder = new EventDecoder();
    private final ActivityRepository activity;

    public ConversationActivityConsumer(ActivityRepository activity) {
        this.activity = activity;
    }

    @Incoming(Channels.CONVERSATION_EVENTS)
    @Blocking
    public void record(String value) throws InvalidEventException {
        ConversationEvent event = decoder.decode(value, ConversationEvent.class);
        try (LogIds ids = LogIds.of(event)) {
            if (event instanceof MessageCreated) {
                activity.seen(event.chatbot().key(), event.conversation().key(), event.occurredAt());
            } else if (event instanceof EscalationDeclined) {
                activity.declined(event.chatbot().key(), event.conversation().key(), event.occurredAt());
            }
        }
    }
}
