package io.handoff.gateway;

import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the upstream conversations ({@code chat.conversation-events}): every message keeps its
 * conversation known for proactive take-over, messages of WAITING and LIVE conversations join the
 * transcript and reach agents, and a conversation closed upstream is closed here.
 *
 * <p>Ordered per partition (plain {@code @Blocking}), so one conversation's messages keep their order.
 * Invalid events go to {@code chat.conversation-events.dlq} with the reason.
 */
@ApplicationScoped
public class ConversationEventConsumer {

    public static final String CONVERSATION_EVENTS = "conversation-events";

    private final EventDecoder decoder = new EventDecoder();
    private final LiveChatSessions sessions;

    public ConversationEventConsumer(LiveChatSessions sessions) {
        this.sessions = sessions;
    }

    @Incoming(CONVERSATION_EVENTS)
    @Blocking
    public void follow(String value) throws InvalidEventException {
        ConversationEvent event = decoder.decode(value, ConversationEvent.class);
        try (LogIds ids = LogIds.of(event)) {
            if (event instanceof MessageCreated message) {
                sessions.recordMessage(message);
            } else if (event instanceof ConversationClosed closed) {
                sessions.conversationClosed(closed);
            }
        }
    }
}
