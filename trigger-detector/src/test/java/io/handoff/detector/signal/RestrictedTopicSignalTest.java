package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestrictedTopicSignalTest {

    private static final List<String> TOPICS = List.of("billing dispute", "cancellation", "legal action");

    private static List<Signal> topics(String text) {
        return RestrictedTopicSignal.detect(VisitorText.of(text), TOPICS);
    }

    @Test
    void matchesThePhraseAndItsInflections() {
        assertThat(topics("I have two billing disputes open")).extracting(Signal::evidence).containsExactly("billing dispute");
        assertThat(topics("I want to cancel — how does cancellation work?")).extracting(Signal::evidence)
                .containsExactly("cancellation");
        assertThat(topics("my subscription was cancelled")).extracting(Signal::evidence).containsExactly("cancellation");
        assertThat(topics("can I change my plan?")).isEmpty();
    }

    @Test
    void matchesTheWordsCloseTogetherInAnotherOrder() {
        assertThat(topics("I'm disputing my billing from March")).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("restricted_topic");
            assertThat(s.evidence()).isEqualTo("billing dispute");
            assertThat(s.score()).isEqualTo(InflectedPhrase.LOOSE);
        });
        assertThat(topics("Billing: the dispute you mentioned")).extracting(Signal::evidence).containsExactly("billing dispute");
    }

    @Test
    void ignoresPartialWordsAndScatteredWords() {
        assertThat(topics("Is there a legally binding contract?")).isEmpty();
        assertThat(topics("billing address changed, and separately I had a dispute with the courier about a parcel"))
                .isEmpty();
    }

    @Test
    void matchesCaseAndAccentInsensitively() {
        assertThat(RestrictedTopicSignal.detect(VisitorText.of("Quiero la CANCELACIÓN"), List.of("cancelacion")))
                .hasSize(1);
    }

    @Test
    void noTopicsNoSignals() {
        assertThat(RestrictedTopicSignal.detect(VisitorText.of("billing dispute"), List.of())).isEmpty();
    }
}
