package io.handoff.events.escalation;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.Event;
import io.handoff.events.VisitorRef;

import java.time.Instant;
import java.util.List;

/**
 * A conversation needs a human. Produced by the detector on {@code handoff.escalations}, keyed by
 * conversation id; at most one is open per conversation.
 *
 * @param lastMessage the visitor's last message, the first thing an agent reads
 * @param transcript  the conversation window the detector holds, oldest first
 * @param trigger     the signal that decided
 * @param signals     every signal that fired on the deciding message, with its evidence
 */
public record EscalationCreated(String type, String eventId, Instant occurredAt, String escalationId,
                                ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor,
                                String lastMessage, List<TranscriptEntry> transcript,
                                Signal trigger, List<Signal> signals) implements Event {

    public static final String TYPE = "escalation.created";

    public EscalationCreated {
        type = TYPE;
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
