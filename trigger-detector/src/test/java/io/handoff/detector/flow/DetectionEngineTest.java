package io.handoff.detector.flow;

import io.handoff.detector.policy.Action;
import io.handoff.detector.stream.ConversationState;
import io.handoff.events.AiAssessment;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.DetectionRules;
import io.handoff.events.settings.HandoffLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionEngineTest {

    private static final Instant NOW = Instant.parse("2026-02-09T12:00:00Z");
    private final DetectionEngine engine = new DetectionEngine(20);

    private static ChatbotSettings settings(HandoffLevel level, boolean offerFirst, boolean emailRequired, DetectionRules rules) {
        return new ChatbotSettings("Bot", true, level, offerFirst, emailRequired, rules, null, null, null, null, null, null, null);
    }

    private static ConversationState fresh(String email) {
        ConversationState state = ConversationState.start(new ChatbotRef(ExternalId.of("bot"), "Bot"),
                new ConversationRef(ExternalId.of("c-1"), "web", "en"), NOW);
        return email == null ? state : state.withVisitor(new VisitorRef(ExternalId.of("v"), email, null, null, null));
    }

    private Step visitor(ConversationState state, String text, ChatbotSettings settings) {
        return engine.onMessage(state, MessageRole.VISITOR, text, null, NOW, settings, "e-" + text.hashCode());
    }

    @Test
    void offerThenAcceptanceThenContactThenEscalation() {
        ChatbotSettings balanced = ChatbotSettings.defaults();
        Step offered = visitor(fresh(null), "Can I talk to a person?", balanced);
        assertThat(offered.action()).isEqualTo(Action.OFFER);
        assertThat(offered.trigger().type()).isEqualTo("human_request");

        Step contact = engine.onAccepted(offered.state(), balanced, "accept-1");
        assertThat(contact.action()).isEqualTo(Action.REQUEST_CONTACT);

        ConversationState identified = contact.state().withVisitor(new VisitorRef(ExternalId.of("v"), "jane@example.com", null, null, null));
        Step escalated = engine.onIdentified(identified, balanced, "identified-1");
        assertThat(escalated.action()).isEqualTo(Action.ESCALATE);
        assertThat(escalated.state().escalationId()).isNotBlank();
        assertThat(escalated.state().pendingTrigger().type()).isEqualTo("human_request");

        assertThat(visitor(escalated.state(), "hello? a human please", balanced).action())
                .as("one open escalation per conversation").isEqualTo(Action.NONE);
    }

    @Test
    void settingsMaySkipTheOfferAndTheEmail() {
        Step step = visitor(fresh(null), "get me a real agent", settings(HandoffLevel.BALANCED, false, false, null));
        assertThat(step.action()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void aiOnlyNeverHandsOffButStillCountsSignals() {
        Step step = visitor(fresh("a@b.co"), "Can I talk to a person?", settings(HandoffLevel.AI_ONLY, false, false, null));
        assertThat(step.action()).isEqualTo(Action.NONE);
        assertThat(step.signals()).extracting(s -> s.type()).contains("human_request");
    }

    @Test
    void balancedWaitsForFrustrationToPersistQuickDoesNot() {
        ChatbotSettings balanced = settings(HandoffLevel.BALANCED, true, true, null);
        Step first = visitor(fresh(null), "This is frustrating", balanced);
        assertThat(first.action()).isEqualTo(Action.NONE);
        assertThat(visitor(first.state(), "you're not understanding me at all", balanced).action()).isEqualTo(Action.OFFER);

        assertThat(visitor(fresh(null), "This is frustrating", settings(HandoffLevel.QUICK, true, true, null)).action())
                .isEqualTo(Action.OFFER);
    }

    @Test
    void balancedHandsOffFrustrationThatComesWithLowAiConfidence() {
        ChatbotSettings balanced = ChatbotSettings.defaults();
        Step unsure = engine.onMessage(fresh(null), MessageRole.ASSISTANT, "I think it might be this?",
                new AiAssessment(0.2, false), NOW, balanced, "a-1");
        assertThat(unsure.action()).isEqualTo(Action.NONE);
        assertThat(unsure.signals()).extracting(s -> s.type()).containsExactly("ai_low_confidence");
        assertThat(visitor(unsure.state(), "This is frustrating", balanced).action()).isEqualTo(Action.OFFER);
    }

    @Test
    void aiHandoffSuggestionHandsOffAtBalanced() {
        Step step = engine.onMessage(fresh(null), MessageRole.ASSISTANT, "I can't answer that.",
                new AiAssessment(0.9, true), NOW, ChatbotSettings.defaults(), "a-2");
        assertThat(step.action()).isEqualTo(Action.OFFER);
        assertThat(step.trigger().type()).isEqualTo("ai_handoff_suggested");
    }

    @Test
    void aiFirstAsksForTheProblemBeforeAnyHandoff() {
        ChatbotSettings aiFirst = settings(HandoffLevel.AI_FIRST, false, false, null);
        Step asked = visitor(fresh(null), "human please", aiFirst);
        assertThat(asked.action()).isEqualTo(Action.REQUEST_PROBLEM);

        Step after = visitor(asked.state(), "My invoice from March was charged twice", aiFirst);
        assertThat(after.action()).isEqualTo(Action.ESCALATE);
        assertThat(after.state().pendingTrigger().type()).isEqualTo("human_request");

        Step stated = visitor(fresh(null), "My invoice from March was charged twice and I need it fixed", aiFirst);
        assertThat(visitor(stated.state(), "let me talk to a person", aiFirst).action()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void aDeclinedOfferIsRespectedForTheCoolDownExceptForAnExplicitRequest() {
        ChatbotSettings quick = settings(HandoffLevel.QUICK, true, true, new DetectionRules(null, null, null, null, null, 10));
        Step offered = visitor(fresh(null), "This is frustrating", quick);
        Step declined = engine.onDeclined(offered.state(), NOW);

        assertThat(visitor(declined.state(), "this is useless", quick).action()).isEqualTo(Action.NONE);
        assertThat(visitor(declined.state(), "ok fine, let me talk to a human", quick).action()).isEqualTo(Action.OFFER);
        assertThat(engine.onMessage(declined.state(), MessageRole.VISITOR, "this is useless", null,
                NOW.plusSeconds(11 * 60), quick, "later").action()).isEqualTo(Action.OFFER);
    }

    @Test
    void noOffersDuringLiveChatAndAgainAfterItEnds() {
        ChatbotSettings balanced = ChatbotSettings.defaults();
        ConversationState live = engine.onLiveChat(fresh(null), true).state();
        assertThat(visitor(live, "can I talk to a person", balanced).action()).isEqualTo(Action.NONE);

        ConversationState back = engine.onLiveChat(live, false).state();
        assertThat(visitor(back, "can I talk to a person", balanced).action()).isEqualTo(Action.OFFER);
    }

    @Test
    void messageCountAndNoResolutionRules() {
        ChatbotSettings rules = settings(HandoffLevel.BALANCED, false, false, new DetectionRules(null, null, 2, 5, null, null));
        ConversationState state = fresh(null);
        state = visitor(state, "hello", rules).state();
        state = visitor(state, "what plans do you have", rules).state();
        Step third = visitor(state, "and the prices?", rules);
        assertThat(third.action()).isEqualTo(Action.ESCALATE);
        assertThat(third.trigger().type()).isEqualTo("message_count");

        Step early = engine.onTimer(fresh(null), rules, NOW.plusSeconds(4 * 60));
        assertThat(early.action()).isEqualTo(Action.NONE);
        Step late = engine.onTimer(fresh(null), rules, NOW.plusSeconds(5 * 60));
        assertThat(late.action()).isEqualTo(Action.ESCALATE);
        assertThat(late.trigger().type()).isEqualTo("no_resolution_time");
        assertThat(engine.onTimer(late.state(), rules, NOW.plusSeconds(9 * 60)).action()).isEqualTo(Action.NONE);
    }

    @Test
    void escalationsOffMeansNothingHappens() {
        ChatbotSettings off = new ChatbotSettings("Bot", false, null, false, false, null, null, null, null, null, null, null, null);
        assertThat(visitor(fresh("a@b.co"), "human please", off).action()).isEqualTo(Action.NONE);
    }

    @Test
    void reprocessingTheSameEventYieldsTheSameEscalationId() {
        ChatbotSettings direct = settings(HandoffLevel.BALANCED, false, false, null);
        String first = visitor(fresh(null), "get me a real agent", direct).state().escalationId();
        String again = visitor(fresh(null), "get me a real agent", direct).state().escalationId();
        assertThat(first).isEqualTo(again);
        assertThat(List.of(first)).doesNotContainNull();
    }

    @Test
    void countsWordsAsSplittingOnWhitespaceDoes() {
        String[] pieces = {"a", "bc", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u0001", "\u00a0", "\u2003", "?"};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThat(DetectionEngine.wordCount(t)).as("\"%s\"", t).isEqualTo(t.trim().split("\\s+").length);
        }
    }
}
