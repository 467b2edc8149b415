package io.handoff.detector.signal;

import io.handoff.detector.signal.BitextSample.Utterance;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.settings.DetectionRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores every utterance of Bitext's public customer-support sample through {@link SignalScorer}, the
 * code the stream and the rule tester run, and holds the result to the bars in
 * {@code docs/detection.md}: explicit requests for a person ({@code contact_human_agent}) are found,
 * ordinary questions raise neither a request nor frustration, and complaints mostly read as
 * frustration. The same bars apply to the whole file and to its held-out fifth
 * ({@link Utterance#heldOut()}). Prints a table per intent:
 * {@code ./mvnw -B -q -o -pl trigger-detector test -Dtest=PublicDataQualityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("quality")
class PublicDataQualityTest {

    static final String HUMAN = "contact_human_agent";
    static final String COMPLAINT = "complaint";
    /** Asks how to reach support: a request for a person to some readers, a question to others. */
    static final String AMBIGUOUS = "contact_customer_service";

    private static final double MIN_HUMAN_RECALL = 0.98;
    private static final double MAX_HUMAN_FALSE_ALARMS = 0.001;
    private static final double MAX_FRUSTRATION_FALSE_ALARMS = 0.005;
    private static final double MIN_COMPLAINT_FRUSTRATION = 0.8;

    private static List<Scored> all;

    @BeforeAll
    static void score() {
        all = BitextSample.load().stream()
                .map(u -> new Scored(u, SignalScorer.score(u.text(), List.of(), DetectionRules.defaults()).stream()
                        .map(Signal::type).collect(Collectors.toSet())))
                .toList();
        System.out.println(table());
    }

    @Test
    void theWholeFileMeetsTheBars() {
        assertBars("whole file", all);
    }

    @Test
    void theHeldOutFifthMeetsTheSameBars() {
        List<Scored> heldOut = all.stream().filter(s -> s.utterance().heldOut()).toList();
        assertThat(heldOut).hasSizeGreaterThan(all.size() / 6);
        assertBars("held-out fifth", heldOut);
    }

    private static void assertBars(String part, List<Scored> scored) {
        List<Scored> human = scored.stream().filter(s -> s.intent().equals(HUMAN)).toList();
        List<Scored> ordinary = scored.stream().filter(PublicDataQualityTest::ordinary).toList();
        List<Scored> complaints = scored.stream().filter(s -> s.intent().equals(COMPLAINT)).toList();

        assertThat(share(human, s -> s.has(SignalType.HUMAN_REQUEST)))
                .as("%s: share of %s recognised as %s; missed: %s", part, HUMAN, SignalType.HUMAN_REQUEST,
                        texts(human, s -> !s.has(SignalType.HUMAN_REQUEST)))
                .isGreaterThanOrEqualTo(MIN_HUMAN_RECALL);
        assertThat(share(ordinary, s -> s.has(SignalType.HUMAN_REQUEST)))
                .as("%s: share of ordinary questions flagged %s: %s", part, SignalType.HUMAN_REQUEST,
                        texts(ordinary, s -> s.has(SignalType.HUMAN_REQUEST)))
                .isLessThanOrEqualTo(MAX_HUMAN_FALSE_ALARMS);
        assertThat(share(ordinary, s -> s.has(SignalType.FRUSTRATION)))
                .as("%s: share of ordinary questions flagged %s: %s", part, SignalType.FRUSTRATION,
                        texts(ordinary, s -> s.has(SignalType.FRUSTRATION)))
                .isLessThanOrEqualTo(MAX_FRUSTRATION_FALSE_ALARMS);
        assertThat(share(complaints, s -> s.has(SignalType.FRUSTRATION)))
                .as("%s: share of %s showing %s", part, COMPLAINT, SignalType.FRUSTRATION)
                .isGreaterThanOrEqualTo(MIN_COMPLAINT_FRUSTRATION);
    }

    private static boolean ordinary(Scored s) {
        return !Set.of(HUMAN, COMPLAINT, AMBIGUOUS).contains(s.intent());
    }

    private static double share(List<Scored> scored, Predicate<Scored> test) {
        return scored.isEmpty() ? 0 : (double) scored.stream().filter(test).count() / scored.size();
    }

    private static List<String> texts(List<Scored> scored, Predicate<Scored> test) {
        return scored.stream().filter(test).map(s -> s.utterance().text()).limit(50).toList();
    }

    private static String table() {
        Map<String, int[]> counts = new TreeMap<>();
        for (Scored s : all) {
            int[] c = counts.computeIfAbsent(s.intent(), k -> new int[3]);
            c[0]++;
            c[1] += s.has(SignalType.HUMAN_REQUEST) ? 1 : 0;
            c[2] += s.has(SignalType.FRUSTRATION) ? 1 : 0;
        }
        StringBuilder out = new StringBuilder("Bitext customer-support sample, " + all.size() + " utterances\n");
        out.append(String.format("%-26s %6s %15s %15s%n", "intent", "count", "human_request", "frustration"));
        counts.forEach((intent, c) -> out.append(String.format("%-26s %6d %7d %6.1f%% %7d %6.1f%%%n", intent, c[0],
                c[1], 100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0])));
        return out.toString();
    }

    private record Scored(Utterance utterance, Set<String> predicted) {
        String intent() {
            return utterance.intent();
        }

        boolean has(String type) {
            return predicted.contains(type);
        }
    }
}
