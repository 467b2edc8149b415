package io.handoff.detector.signal;

import io.handoff.detector.signal.LabelledMessages.LabelledMessage;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.settings.DetectionRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the word signals against labelled visitor messages: the shared examples, and a held-out
 * set written before the detector was tuned and never tuned on. Each run prints precision, recall and
 * F1 per label, so anyone can see the figures with
 * {@code ./mvnw -B -q -o -pl trigger-detector test -Dtest=SignalQualityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("quality")
class SignalQualityTest {

    /** The project's labelled examples (kept in the test resources, so the test runs in any checkout). */
    static final String SHARED_EXAMPLES = "/trigger-examples.jsonl";
    static final String HELD_OUT = "/held-out-triggers.jsonl";
    /**
     * Paraphrases in the five languages of the ways the public data asks for a person or complains
     * (touch, colleagues, a swear word or a joined word inside the phrase, a complaint), with
     * look-alikes that must stay quiet (a masked address, "I am not a robot", managing agents).
     */
    static final String PARAPHRASES = "/paraphrases.jsonl";

    private static final double MIN_RECALL = 0.95;
    private static final double MAX_FALSE_ALARMS = 0.02;

    @Test
    void sharedExamplesMeetTheQualityBar() {
        assertQuality("shared examples", LabelledMessages.fromClasspath(SHARED_EXAMPLES));
    }

    @Test
    void heldOutPhrasingsMeetTheSameBar() {
        assertQuality("held-out phrasings", LabelledMessages.fromClasspath(HELD_OUT));
    }

    @Test
    void paraphrasesInFiveLanguagesMeetTheSameBar() {
        assertQuality("paraphrases", LabelledMessages.fromClasspath(PARAPHRASES));
    }

    private static void assertQuality(String name, List<LabelledMessage> messages) {
        List<Scored> scored = messages.stream()
                .map(m -> new Scored(m, SignalScorer.score(m.text(), List.of(), DetectionRules.defaults()).stream()
                        .map(Signal::type).collect(Collectors.toSet())))
                .toList();
        System.out.println(QualityTable.of(name, scored.stream().map(Scored::label).toList(),
                scored.stream().map(Scored::predicted).toList()));

        assertRecall(scored, SignalType.HUMAN_REQUEST);
        assertRecall(scored, SignalType.FRUSTRATION);
        List<Scored> none = scored.stream().filter(s -> s.label().equals("none")).toList();
        List<String> falseAlarms = none.stream().filter(s -> s.predicted().contains(SignalType.HUMAN_REQUEST)
                || s.predicted().contains(SignalType.FRUSTRATION)).map(Scored::text).toList();
        assertThat((double) falseAlarms.size() / none.size())
                .as("share of 'none' messages with a human_request or frustration signal; false alarms: %s", falseAlarms)
                .isLessThanOrEqualTo(MAX_FALSE_ALARMS);
    }

    private static void assertRecall(List<Scored> scored, String label) {
        List<Scored> labelled = scored.stream().filter(s -> s.label().equals(label)).toList();
        List<String> missed = new ArrayList<>();
        labelled.stream().filter(s -> !s.predicted().contains(label)).forEach(s -> missed.add(s.text()));
        assertThat(1.0 - (double) missed.size() / labelled.size())
                .as("recall of %s; missed: %s", label, missed)
                .isGreaterThanOrEqualTo(MIN_RECALL);
    }

    private record Scored(LabelledMessage message, Set<String> predicted) {
        String label() {
            return message.label();
        }

        String text() {
            return message.text();
        }
    }
}
