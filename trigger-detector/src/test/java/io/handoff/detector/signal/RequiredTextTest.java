package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredTextTest {

    @Test
    void readsTheStringsEveryMatchContains() {
        assertThat(RequiredText.of("\\b(?:talk|speak) to (?:a |an )?(?:agent|human)\\b"))
                .containsExactly(Set.of("talk", "speak"), Set.of(" to "), Set.of("agent", "human"));
        assertThat(RequiredText.of("\\bi give up\\b|\\bforget it\\b")).containsExactly(Set.of("i give up", "forget it"));
        assertThat(RequiredText.of("\\bthanks? for nothing\\b")).containsExactly(Set.of("thank"), Set.of(" for nothing"));
        assertThat(RequiredText.of("\\b(?:ugh+|omg)\\b")).containsExactly(Set.of("ugh", "omg"));
    }

    @Test
    void optionalPartsAndLookaroundsRequireNothing() {
        assertThat(RequiredText.of("(?<!\\bnot )\\b(?:please )?(?:\\w+ ){0,2}?agent\\b")).containsExactly(Set.of("agent"));
        assertThat(RequiredText.of("^(?!how\\b).*\\bescalate$")).containsExactly(Set.of("escalate"));
        assertThat(RequiredText.of("\\b(?:a|)human")).containsExactly(Set.of("human"));
    }

    @Test
    void requiresNothingWhenABranchRequiresNothingOrTheSyntaxIsUnfamiliar() {
        assertThat(RequiredText.of("\\bagent\\b|^\\w+$")).isEmpty();
        assertThat(RequiredText.of("(?i)agent")).isEmpty();
        assertThat(RequiredText.of("\\Qagent\\E")).isEmpty();
        assertThat(RequiredText.of("agent)")).isEmpty();
    }

    /** The gate may only skip a pattern that would not have matched: checked over every signal pattern. */
    @Test
    void neverSkipsAPatternThatMatches() {
        List<Pattern> patterns = new ArrayList<>();
        Stream.of(EnglishHumanRequests.PATTERNS, SpanishHumanRequests.PATTERNS, FrenchHumanRequests.PATTERNS,
                        GermanHumanRequests.PATTERNS, PortugueseHumanRequests.PATTERNS)
                .flatMap(List::stream).forEach(p -> patterns.add(p.pattern()));
        Stream.of(EnglishFrustrationPhrases.CUES, ForeignFrustrationPhrases.CUES)
                .flatMap(List::stream).forEach(c -> patterns.add(c.pattern()));
        PatternGate gate = new PatternGate(patterns, patterns.stream().map(p -> Optional.<Set<String>>empty()).toList());
        List<String> texts = new ArrayList<>();
        LabelledMessages.fromClasspath(SignalQualityTest.SHARED_EXAMPLES).forEach(m -> texts.add(m.text()));
        LabelledMessages.fromClasspath(SignalQualityTest.HELD_OUT).forEach(m -> texts.add(m.text()));
        int matches = 0;
        for (String text : texts) {
            List<String> forms = new ArrayList<>(TextNormalizer.clauses(text));
            forms.add(TextNormalizer.normalize(text));
            for (String form : forms) {
                long[] scanned = gate.scan(form);
                for (int i = 0; i < patterns.size(); i++) {
                    if (patterns.get(i).matcher(form).find()) {
                        matches++;
                        assertThat(gate.mayMatch(i, scanned)).as("%s in \"%s\"", patterns.get(i), form).isTrue();
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(100);
    }
}
