package io.handoff.detector.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.detector.signal.HumanRequestSignal;
import io.handoff.events.Event;
import io.handoff.events.MessageRole;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.directive.ContactRequested;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.EventJson;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.settings.VisitorTexts;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies each conversation event to the conversation's state and decides whether a human is needed.
 *
 * <p>Records are keyed by conversation id, so one conversation is always handled by one task, in
 * order. Ids of what this produces are derived from the input event, so reprocessing after a crash
 * produces the same escalation id rather than a second escalation.
 */
public class ConversationProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = Logger.getLogger(ConversationProcessor.class);

    private final EventDecoder decoder = new EventDecoder();
    private final int windowSize;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, ConversationState> store;

    public ConversationProcessor(int windowSize) {
        this.windowSize = windowSize;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(DetectorTopology.CONVERSATION_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ConversationEvent event;
        try {
            event = decoder.decode(record.value(), ConversationEvent.class);
        } catch (InvalidEventException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        String key = event.conversation().key();
        if (event instanceof ConversationClosed) {
            store.delete(key);
            return;
        }
        ConversationState state = Optional.ofNullable(store.get(key))
                .orElseGet(() -> ConversationState.start(event.chatbot(), event.conversation()))
                .withConversation(event.chatbot(), event.conversation());
        if (event instanceof MessageCreated message) {
            state = onMessage(state, message);
        } else if (event instanceof VisitorIdentified identified) {
            state = onContact(state.withVisitor(identified.visitor()), event);
        } else if (event instanceof EscalationAccepted accepted) {
            state = onContact(state.withVisitor(accepted.visitor()), event);
        } else if (event instanceof EscalationDeclined) {
            state = state.awaitingContact(null);
        }
        store.put(key, state);
    }

    private ConversationState onMessage(ConversationState state, MessageCreated message) {
        ConversationState next = state.withVisitor(message.visitor())
                .withMessage(message.message().role(), message.message().text(), message.occurredAt(), windowSize);
        if (message.message().role() != MessageRole.VISITOR || next.openEscalationId() != null) {
            return next;
        }
        Optional<Signal> humanRequest = HumanRequestSignal.detect(message.message().text());
        if (humanRequest.isEmpty()) {
            return next;
        }
        if (next.visitorEmailKnown()) {
            return escalate(next, humanRequest.get(), message);
        }
        if (next.pendingTrigger() == null) {
            VisitorTexts texts = VisitorTexts.ENGLISH;
            emit(DetectorTopology.DIRECTIVES_SINK, next.conversation().key(), new ContactRequested(null,
                    derivedId("contact", message), Instant.now(), next.chatbot(), next.conversation(),
                    texts.contactRequest(), texts.emailPlaceholder()));
        }
        return next.awaitingContact(humanRequest.get());
    }

    private ConversationState onContact(ConversationState state, ConversationEvent event) {
        if (state.pendingTrigger() != null && state.openEscalationId() == null && state.visitorEmailKnown()) {
            return escalate(state, state.pendingTrigger(), event);
        }
        return state;
    }

    private ConversationState escalate(ConversationState state, Signal trigger, Event cause) {
        String escalationId = derivedId("escalation", cause);
        EscalationCreated escalation = new EscalationCreated(null, derivedId("escalation-event", cause), Instant.now(),
                escalationId, state.chatbot(), state.conversation(), state.visitor(), state.lastVisitorMessage(),
                state.window(), trigger, List.of(trigger));
        emit(DetectorTopology.ESCALATIONS_SINK, state.conversation().key(), escalation);
        LOG.infof("conversation %s escalated (%s: %s)", state.conversation().key(), trigger.type(), trigger.evidence());
        return state.escalated(escalationId);
    }

    private void emit(String sink, String key, Object event) {
        try {
            byte[] value = EventJson.mapper().writeValueAsBytes(event);
            context.forward(new Record<>(key, value, context.currentSystemTimeMs()), sink);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        context.recordMetadata().ifPresent((RecordMetadata meta) -> {
            headers.add("dead-letter-topic", meta.topic().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-partition", Integer.toString(meta.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-offset", Long.toString(meta.offset()).getBytes(StandardCharsets.UTF_8));
        });
        LOG.warnf("conversation event with key %s sent to the dead-letter topic: %s", record.key(), reason);
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), DetectorTopology.DLQ_SINK);
    }

    private static String derivedId(String purpose, Event cause) {
        return UUID.nameUUIDFromBytes((purpose + "|" + cause.eventId()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
