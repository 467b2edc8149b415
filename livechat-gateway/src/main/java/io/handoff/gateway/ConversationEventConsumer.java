package io.handoff.gateway;

import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.telemetry.ConversationEventBatch;
import io.handoff.telemetry.LogIds;
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
 * Follows the upstream conversations ({@code chat.conversation-events}): every message keeps its
 * conversation known for proactive take-over, messages of WAITING and LIVE conversations join the
 * transcript and reach agents, and a conversation closed upstream is closed here.
 *
 * <p>It reads every event of the topic, so it takes the records a poll brings as one batch: one
 * hand-over to a worker thread, and one statement for its messages' conversations
 * ({@link LiveChatSessions#recordMessages}), per batch rather than per event. Batches come one after another (plain
 * {@code @Blocking}), so one conversation's messages keep their order. An invalid event goes to
 * {@code chat.conversation-events.dlq} with the reason and the batch goes on ({@link ConversationEventBatch}).
 */
@ApplicationScoped
public class ConversationEventConsumer {

    public static final String CONVERSATION_EVENTS = "conversation-events";
    public static final String CONVERSATION_EVENTS_DLQ = "conversation-events-dlq";

    private final LiveChatSessions sessions;
    private final ConversationEventBatch events;

    public ConversationEventConsumer(LiveChatSessions sessions,
                                     @Channel(CONVERSATION_EVENTS_DLQ) MutinyEmitter<byte[]> deadLetters,
                                     MeterRegistry registry) {
        this.sessions = sessions;
        this.events = new ConversationEventBatch(deadLetters, registry);
    }

    @Incoming(CONVERSATION_EVENTS)
    @Blocking
    public void follow(ConsumerRecords<String, byte[]> batch) {
        // the messages are recorded together; a close ends the run before it, so each conversation's
        // events still take effect in their order
        List<MessageCreated> messages = new ArrayList<>();
        for (ConversationEvent event : events.decode(batch)) {
            if (event instanceof MessageCreated message) {
                messages.add(message);
            } else if (event instanceof ConversationClosed closed) {
                sessions.recordMessages(messages);
                messages.clear();
                try (LogIds ids = LogIds.of(closed)) {
                    sessions.conversationClosed(closed);
                }
            }
        }
        sessions.recordMessages(messages);
    }
}
