package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadWordsTest {

    @Test
    void readsTheOpeningWordsOfAPattern() {
        assertThat(LeadWords.of("\\b(?:talk|speak|have a word|discuss (?:this|it)) (?:to|with) x\\b"))
                .contains(Set.of("talk", "speak", "have", "discuss"));
        assertThat(LeadWords.of("\\bwhy (?:will|do) not you\\b")).contains(Set.of("why"));
        assertThat(LeadWords.of("(?<!\\byou )\\b(?:want|need) a\\b")).contains(Set.of("want", "need"));
        assertThat(LeadWords.of("\\bi give up\\b|\\bforget it\\b")).contains(Set.of("i", "forget"));
    }

    @Test
    void givesNoGateWhenTheOpeningIsNotPlainWords() {
        assertThat(LeadWords.of("^(?:please )?agent$")).isEmpty();
        assertThat(LeadWords.of("\\b(?:a |the )?human\\b")).isEmpty();
        assertThat(LeadWords.of("\\b(?:ugh+|omg)\\b")).isEmpty();
        assertThat(LeadWords.of("\\bagain\\b|^stop$")).isEmpty();
        assertThat(LeadWords.of("\\b(?:\\w+ )?wrong\\b")).isEmpty();
    }

    @Test
    void aGateOpensOnAnyOfItsWords() {
        assertThat(LeadWords.anyIn(Optional.of(Set.of("talk", "speak")), List.of("can", "i", "speak"))).isTrue();
        assertThat(LeadWords.anyIn(Optional.of(Set.of("talk")), List.of("hello"))).isFalse();
        assertThat(LeadWords.anyIn(Optional.empty(), List.of())).isTrue();
    }
}
