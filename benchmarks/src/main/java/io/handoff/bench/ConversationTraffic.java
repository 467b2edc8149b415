package io.handoff.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.detector.signal.SignalScorer;
import io.handoff.events.AiAssessment;
import io.handoff.events.ChatMessage;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.DetectionRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the upstream chat service sends while many visitors chat at once: conversations of visitor
 * questions and assistant answers, interleaved as they would be on the wire, each closed when it ends,
 * and a share of them in which the visitor asks for a person.
 *
 * <p>Every event is serialized once, ahead of time, by the project's own event mapper; only its
 * {@code occurredAt} is filled in when it is sent (see {@link TrafficEvent#value}), so producing costs
 * a string concatenation. The generator is seeded: the same arguments give the same traffic.
 */
final class ConversationTraffic {

    static final String CHATBOT_ID = "bench-bot";
    static final String CHATBOT_NAME = "Bench Chatbot";

    /** Visitor questions that raise no signal, alone or after one another (see {@link #checkVocabulary}). */
    static final List<String> QUESTIONS = List.of(
            "Where is my order?", "How do I change my billing address?", "Do you ship to Canada?",
            "What does the pro plan include?", "How do I reset my password?", "Is there a discount for non-profits?",
            "What are your opening hours?", "Can I pay with PayPal?", "How long does delivery take to Germany?",
            "Do you have this jacket in a medium size?", "Can I add a second user to my account?",
            "Which browsers does the dashboard support?", "Is my data stored in Europe?", "How do I export my invoices?",
            "Can I switch from monthly to yearly billing?", "What is the return window for shoes?",
            "Do you offer gift cards?", "How do I connect the app to Google Calendar?", "Is there a student discount?",
            "Can I change the delivery date?", "Where can I find the user guide?", "What payment methods do you accept?",
            "Does the starter plan include reports?", "How do I update my shipping address?");

    /** What the assistant answers; it answers confidently, so no answer is itself a reason to hand off. */
    static final List<String> ANSWERS = List.of(
            "Your order left our warehouse yesterday and should arrive within three working days.",
            "You can change that under Settings, then Billing. The change applies to your next invoice.",
            "Yes, we ship there. Delivery usually takes four to six working days.",
            "The plan includes unlimited projects, ten team members and priority support.",
            "Use the 'Forgot password' link on the sign-in page; the email arrives within a minute.",
            "Yes, there is a 20% discount. I can send you the form to apply.",
            "We are open from 9:00 to 18:00, Monday to Friday.",
            "Here is the article that explains it step by step: https://help.example.com/articles/42",
            "Sure. You will find it in your account under Orders, next to each order.",
            "Yes. Everything is stored in our Frankfurt data centre.");

    /** Explicit requests for a person, as docs/detection.md lists them: each escalates at once. */
    static final List<String> HUMAN_REQUESTS = List.of(
            "Can I talk to a person?", "get me a real agent", "human please", "transfer me to customer service",
            "can someone call me back", "I want to talk to a human");

    private static final Instant PLACEHOLDER = Instant.EPOCH;
    private static final String PLACEHOLDER_TEXT = "\"" + PLACEHOLDER + "\"";

    /**
     * One event as it goes on the topic: its key (the conversation id), and its JSON split where
     * {@code occurredAt} goes.
     */
    record TrafficEvent(String key, String head, String tail, boolean escalating) {

        /** The event's JSON with {@code occurredAt} set to {@code at}. */
        String value(Instant at) {
            return head + '"' + at + '"' + tail;
        }
    }

    private final int concurrent;
    private final double escalatingShare;
    private final Random random;
    private final Script[] active;
    private long nextConversationId;

    /**
     * @param concurrent       how many conversations are going on at any time
     * @param escalatingShare  the share of conversations in which the visitor asks for a person (0..1)
     * @param firstConversationId the first conversation id; later ones count up from it
     * @param seed             the random seed
     */
    ConversationTraffic(int concurrent, double escalatingShare, long firstConversationId, long seed) {
        if (concurrent < 1 || escalatingShare < 0 || escalatingShare > 1) {
            throw new IllegalArgumentException("concurrent conversations >= 1 and a share between 0 and 1 expected");
        }
        this.concurrent = concurrent;
        this.escalatingShare = escalatingShare;
        this.random = new Random(seed);
        this.nextConversationId = firstConversationId;
        this.active = new Script[concurrent];
        for (int i = 0; i < concurrent; i++) {
            active[i] = newConversation();
        }
    }

    /**
     * The next {@code count} events: each comes from a conversation picked at random among those going
     * on, so the turns of one conversation stay in order while conversations interleave. A conversation
     * that has ended is replaced by a new one.
     */
    List<TrafficEvent> next(int count) {
        List<TrafficEvent> events = new ArrayList<>(count);
        while (events.size() < count) {
            int slot = random.nextInt(concurrent);
            Script script = active[slot];
            events.add(script.events.get(script.next++));
            if (script.next == script.events.size()) {
                active[slot] = newConversation();
            }
        }
        return events;
    }

    /** A conversation's events from start to end, written when it starts. */
    private static final class Script {
        final List<TrafficEvent> events;
        int next;

        Script(List<TrafficEvent> events) {
            this.events = events;
        }
    }

    /**
     * Two to five questions, each answered, then closed; or, for the escalating share, none to three
     * answered questions and then a request for a person, after which the conversation waits for an
     * agent (it is not closed while the run lasts).
     */
    private Script newConversation() {
        long id = nextConversationId++;
        String key = Long.toString(id);
        boolean escalates = random.nextDouble() < escalatingShare;
        ChatbotRef chatbot = new ChatbotRef(ExternalId.of(CHATBOT_ID), CHATBOT_NAME);
        ConversationRef conversation = new ConversationRef(ExternalId.of(id), "web", "en");
        String email = random.nextInt(3) == 0 ? "visitor" + id + "@example.com" : null;
        VisitorRef visitor = new VisitorRef(ExternalId.of(id), email, "Jane", "Doe", null);

        List<String> questions = new ArrayList<>(QUESTIONS);
        Collections.shuffle(questions, random);
        int asked = escalates ? random.nextInt(4) : 2 + random.nextInt(4);
        List<TrafficEvent> events = new ArrayList<>(2 * asked + 1);
        int turn = 0;
        for (int q = 0; q < asked; q++) {
            events.add(event(key, message(chatbot, conversation, visitor, key, turn++, MessageRole.VISITOR,
                    questions.get(q), null), false));
            AiAssessment confident = new AiAssessment(0.70 + random.nextInt(29) / 100.0, false);
            events.add(event(key, message(chatbot, conversation, visitor, key, turn++, MessageRole.ASSISTANT,
                    ANSWERS.get(random.nextInt(ANSWERS.size())), confident), false));
        }
        if (escalates) {
            events.add(event(key, message(chatbot, conversation, visitor, key, turn, MessageRole.VISITOR,
                    HUMAN_REQUESTS.get(random.nextInt(HUMAN_REQUESTS.size())), null), true));
        } else {
            events.add(event(key, new ConversationClosed(null, eventId(), PLACEHOLDER, chatbot, conversation, "resolved"), false));
        }
        return new Script(events);
    }

    private MessageCreated message(ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor, String key,
                                   int turn, MessageRole role, String text, AiAssessment ai) {
        return new MessageCreated(null, eventId(), PLACEHOLDER, chatbot, conversation, visitor,
                new ChatMessage("m-" + key + "-" + turn, role, text), ai);
    }

    private String eventId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static TrafficEvent event(String key, ConversationEvent event, boolean escalating) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event, e);
        }
        int at = json.indexOf(PLACEHOLDER_TEXT);
        if (at < 0 || json.indexOf(PLACEHOLDER_TEXT, at + 1) >= 0) {
            throw new IllegalStateException("occurredAt is not in the event exactly once: " + json);
        }
        return new TrafficEvent(key, json.substring(0, at), json.substring(at + PLACEHOLDER_TEXT.length()), escalating);
    }

    /**
     * Checks the texts against the detector's own scoring with the default rules, so that the number
     * of escalations the run expects is the number the detector should make: every request for a
     * person raises {@code human_request}; no question raises anything, alone or after another one.
     */
    static void checkVocabulary() {
        DetectionRules rules = DetectionRules.defaults();
        for (String request : HUMAN_REQUESTS) {
            if (SignalScorer.score(request, List.of(), rules).stream().noneMatch(s -> SignalType.HUMAN_REQUEST.equals(s.type()))) {
                throw new IllegalStateException("\"" + request + "\" is not an explicit request for a person");
            }
        }
        for (String question : QUESTIONS) {
            for (String earlier : QUESTIONS) {
                List<String> before = earlier.equals(question) ? List.of() : List.of(earlier);
                List<Signal> signals = SignalScorer.score(question, before, rules);
                if (!signals.isEmpty()) {
                    throw new IllegalStateException("\"" + question + "\" after \"" + earlier + "\" raises " + signals);
                }
            }
        }
    }
}
