package io.handoff.detector.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.detector.flow.DetectionEngine;
import io.handoff.detector.flow.Step;
import io.handoff.detector.policy.Action;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.Event;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.directive.ContactRequested;
import io.handoff.events.directive.Directive;
import io.handoff.events.directive.EscalationOffered;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.directive.ProblemRequested;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.EventJson;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.VisitorTexts;
import io.handoff.telemetry.LogIds;
import io.handoff.telemetry.tracing.TracedWork;
import io.handoff.telemetry.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies conversation events (and the live-chat directives) to each conversation's state through
 * the {@link DetectionEngine}, and turns its decisions into directives and escalations.
 *
 * <p>Both input topics are keyed by conversation id and partitioned alike, so one conversation is
 * always handled by one task, in order. A wall-clock punctuation drives the no-resolution timer, so it
 * fires even when no message arrives.
 *
 * <p>The timer check reads the conversations' states, so it is cut into {@value #TIMER_SLICES} slices:
 * each punctuation reads the next part of the store, and one pass over all of it takes the timer
 * interval. Reading every state at once stopped the stream task for as long as decoding thousands of
 * states took, and every message waiting behind it waited that long too.
 */
public class ConversationProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = Logger.getLogger(ConversationProcessor.class);

    /** Into how many punctuations one pass of the timer check over the store is cut. */
    static final int TIMER_SLICES = 30;
    /** The fewest states one punctuation reads, so that a small store is passed over quickly. */
    private static final int MIN_SLICE = 50;
    /** The shortest time between two punctuations. */
    private static final Duration MIN_SLICE_INTERVAL = Duration.ofMillis(100);

    private final EventDecoder decoder = new EventDecoder();
    private final DetectionEngine engine;
    private final String directivesTopic;
    private final Duration timerInterval;
    private final DetectorMetrics metrics;
    private final Tracing tracing;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, ConversationState> store;
    private KeyValueStore<String, ChatbotSettings> settings;
    /** Where the next slice of the timer check starts; null: at the first conversation. */
    private String nextSlice;

    public ConversationProcessor(int windowSize, String directivesTopic, Duration timerInterval, DetectorMetrics metrics,
                                 Tracing tracing) {
        this.engine = new DetectionEngine(windowSize);
        this.directivesTopic = directivesTopic;
        this.timerInterval = timerInterval;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(DetectorTopology.CONVERSATION_STORE);
        this.settings = context.getStateStore(DetectorTopology.SETTINGS_STORE);
        Duration slice = timerInterval.dividedBy(TIMER_SLICES);
        context.schedule(slice.compareTo(MIN_SLICE_INTERVAL) < 0 ? MIN_SLICE_INTERVAL : slice,
                PunctuationType.WALL_CLOCK_TIME, this::checkTimers);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        boolean fromDirectives = context.recordMetadata().map(m -> m.topic().equals(directivesTopic)).orElse(false);
        if (fromDirectives) {
            onDirective(record);
            return;
        }
        // what this message leads to (an offer, an escalation) carries its trace on
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("conversation-events");
        try (TracedWork work = tracing.receiving(topic, record.headers())) {
            ConversationEvent event;
            try {
                event = decoder.decode(RecordText.of(record.value()), ConversationEvent.class);
            } catch (InvalidEventException e) {
                work.failed(e);
                deadLetter(record, e.getMessage(), DetectorTopology.DLQ_SINK);
                return;
            }
            work.attribute("handoff.conversation.id", event.conversation().key());
            metrics.processed(event.type());
            try (LogIds ids = LogIds.of(event)) {
                apply(event);
            }
        }
    }

    private void apply(ConversationEvent event) {
        String key = ConversationKey.of(event.chatbot(), event.conversation());
        if (event instanceof ConversationClosed) {
            store.delete(key);
            stateUnderOldKey(event.chatbot(), event.conversation());
            return;
        }
        ChatbotSettings chatbot = settingsOf(event.chatbot().key());
        ConversationState known = stateOf(key, event.chatbot(), event.conversation());
        if (known == null) {
            metrics.conversationStarted();
        }
        ConversationState state = Optional.ofNullable(known)
                .orElseGet(() -> ConversationState.start(event.chatbot(), event.conversation(), event.occurredAt()))
                .change().refs(event.chatbot(), event.conversation()).build();
        Step step;
        if (event instanceof MessageCreated m) {
            state = state.withVisitor(m.visitor());
            step = engine.onMessage(state, m.message().role(), m.message().text(), m.ai(), m.occurredAt(), chatbot, m.eventId());
            metrics.fired(step.signals());
        } else if (event instanceof EscalationAccepted a) {
            step = engine.onAccepted(state.withVisitor(a.visitor()), chatbot, a.eventId());
        } else if (event instanceof EscalationDeclined d) {
            step = engine.onDeclined(state, d.occurredAt());
            if (!Objects.equals(step.state().declinedAt(), state.declinedAt())) {
                metrics.declined();
            }
        } else {
            VisitorIdentified v = (VisitorIdentified) event;
            step = engine.onIdentified(state.withVisitor(v.visitor()), chatbot, v.eventId());
        }
        act(step, chatbot, event);
        store.put(key, step.state());
    }

    private void onDirective(Record<String, byte[]> record) {
        Directive directive;
        try {
            directive = decoder.decode(RecordText.of(record.value()), Directive.class);
        } catch (InvalidEventException e) {
            deadLetter(record, e.getMessage(), DetectorTopology.DIRECTIVES_DLQ_SINK);
            return;
        }
        boolean started = directive instanceof LivechatStarted;
        if (!started && !(directive instanceof LivechatEnded)) {
            return; // other directives are ours or the router's; nothing to learn from them
        }
        String key = ConversationKey.of(directive.chatbot(), directive.conversation());
        try (LogIds ids = LogIds.of(directive)) {
            ConversationState state = Optional.ofNullable(stateOf(key, directive.chatbot(), directive.conversation()))
                    .orElseGet(() -> ConversationState.start(directive.chatbot(), directive.conversation(), directive.occurredAt()));
            store.put(key, engine.onLiveChat(state, started).state());
        }
    }

    /** The conversation's state, also when it was stored under the conversation id alone, as before. */
    private ConversationState stateOf(String key, ChatbotRef chatbot, ConversationRef conversation) {
        ConversationState state = store.get(key);
        return state != null ? state : stateUnderOldKey(chatbot, conversation);
    }

    /**
     * A state stored under the conversation id alone, by an earlier version: taken (and removed) only when
     * it is this chatbot's, so an upgrade neither loses a conversation nor hands it to another chatbot.
     */
    private ConversationState stateUnderOldKey(ChatbotRef chatbot, ConversationRef conversation) {
        String oldKey = conversation.key();
        ConversationState old = store.get(oldKey);
        if (old == null || !old.chatbot().key().equals(chatbot.key())) {
            return null;
        }
        store.delete(oldKey);
        return old;
    }

    private void checkTimers(long now) {
        Instant at = Instant.ofEpochMilli(now);
        long limit = Math.max(MIN_SLICE, (store.approximateNumEntries() + TIMER_SLICES - 1) / TIMER_SLICES);
        List<KeyValue<String, ConversationState>> due = new ArrayList<>();
        String next = null;
        try (KeyValueIterator<String, ConversationState> slice = store.range(nextSlice, null)) {
            for (long read = 0; slice.hasNext(); read++) {
                if (read == limit) {
                    next = slice.peekNextKey();
                    break;
                }
                KeyValue<String, ConversationState> entry = slice.next();
                ConversationState s = entry.value;
                if (s.stage() == ConversationState.Stage.BOT && !s.timerFired()
                        && settingsOf(s.chatbot().key()).detection().noResolutionMinutes() != null) {
                    due.add(entry);
                }
            }
        }
        nextSlice = next;
        for (KeyValue<String, ConversationState> entry : due) {
            ConversationState s = entry.value;
            try (LogIds ids = LogIds.of(s.chatbot().key(), s.conversation().key(), s.escalationId())) {
                ChatbotSettings chatbot = settingsOf(s.chatbot().key());
                Step step = engine.onTimer(s, chatbot, at);
                metrics.fired(step.signals());
                if (step.state() != s) {
                    // no message caused this: what the timer leads to starts a trace of its own
                    try (TracedWork work = tracing.start("no-resolution timer", SpanKind.INTERNAL)) {
                        work.attribute("handoff.conversation.id", s.conversation().key());
                        act(step, chatbot, null);
                    }
                    store.put(entry.key, step.state());
                }
            }
        }
    }

    private void act(Step step, ChatbotSettings chatbot, Event cause) {
        ConversationState s = step.state();
        VisitorTexts texts = chatbot.textsFor(s.conversation().locale());
        String causeId = cause != null ? cause.eventId() : DetectionEngine.timerCause(s);
        Instant now = Instant.now();
        metrics.decided(step);
        switch (step.action()) {
            case NONE -> {
            }
            case OFFER -> emit(DetectorTopology.DIRECTIVES_SINK, s, new EscalationOffered(null,
                    DetectionEngine.derivedId("offer", causeId), now, s.chatbot(), s.conversation(), texts.escalationOffer()));
            case REQUEST_PROBLEM -> emit(DetectorTopology.DIRECTIVES_SINK, s, new ProblemRequested(null,
                    DetectionEngine.derivedId("problem", causeId), now, s.chatbot(), s.conversation(), texts.problemRequest()));
            case REQUEST_CONTACT -> emit(DetectorTopology.DIRECTIVES_SINK, s, new ContactRequested(null,
                    DetectionEngine.derivedId("contact", causeId), now, s.chatbot(), s.conversation(),
                    texts.contactRequest(), texts.emailPlaceholder()));
            case ESCALATE -> {
                emit(DetectorTopology.ESCALATIONS_SINK, s, new EscalationCreated(null,
                        DetectionEngine.derivedId("escalation-event", causeId), now, s.escalationId(), s.chatbot(),
                        s.conversation(), s.visitor(), s.lastVisitorMessage(), s.window(), s.pendingTrigger(),
                        s.pendingSignals()));
                try (LogIds ids = LogIds.of(null, null, s.escalationId())) {
                    // the evidence quotes the visitor's words: not at INFO
                    LOG.infof("conversation %s escalated as %s (trigger %s)", s.conversation().key(), s.escalationId(),
                            s.pendingTrigger().type());
                    LOG.debugf("escalation %s evidence: %s", s.escalationId(), s.pendingTrigger().evidence());
                }
            }
        }
    }

    private ChatbotSettings settingsOf(String chatbotId) {
        ChatbotSettings configured = settings.get(chatbotId);
        return configured == null ? ChatbotSettings.defaults() : configured;
    }

    private void emit(String sink, ConversationState state, Object event) {
        try {
            byte[] value = EventJson.mapper().writeValueAsBytes(event);
            context.forward(new Record<>(state.conversation().key(), value, context.currentSystemTimeMs(),
                    tracing.inject(new RecordHeaders())), sink);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    private void deadLetter(Record<String, byte[]> record, String reason, String sink) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        context.recordMetadata().ifPresent((RecordMetadata meta) -> {
            metrics.deadLettered(meta.topic());
            headers.add("dead-letter-topic", meta.topic().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-partition", Integer.toString(meta.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-offset", Long.toString(meta.offset()).getBytes(StandardCharsets.UTF_8));
        });
        LOG.warnf("record with key %s sent to the dead-letter topic: %s", record.key(), reason);
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), sink);
    }
}
