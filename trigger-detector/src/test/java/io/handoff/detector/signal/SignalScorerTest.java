package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.settings.DetectionRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignalScorerTest {

    private static final DetectionRules RULES = new DetectionRules(List.of("billing dispute"), List.of("refund"),
            null, null, null, null);

    @Test
    void reportsEverySignalThatFiresWithTypeScoreAndEvidence() {
        List<Signal> signals = SignalScorer.score("THIS IS USELESS, I want a human about my billing disputes and a refund",
                List.of("useless... I want a human for billing disputes and a refund"), RULES);

        assertThat(signals).extracting(Signal::type).containsExactly(
                "human_request", "frustration", "repeated_question", "restricted_topic", "keyword");
        assertThat(signals).allSatisfy(s -> {
            assertThat(s.score()).isBetween(0.0, 1.0);
            assertThat(s.evidence()).isNotBlank();
        });
    }

    @Test
    void aPlainQuestionGivesNoSignals() {
        assertThat(SignalScorer.score("Do you offer a free trial?", List.of("What are your prices?"), RULES)).isEmpty();
    }

    @Test
    void acceptsMissingHistoryAndRules() {
        assertThat(SignalScorer.score("agent please", null, null)).extracting(Signal::type).containsExactly("human_request");
        assertThat(SignalScorer.score(null, List.of(), DetectionRules.defaults())).isEmpty();
    }
}
