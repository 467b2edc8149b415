package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordSignalTest {

    private static final List<String> KEYWORDS = List.of("refund", "lawsuit", "urgent", "sue");

    private static List<String> keywords(String text) {
        return KeywordSignal.detect(VisitorText.of(text), KEYWORDS).stream().map(Signal::evidence).toList();
    }

    @Test
    void matchesWholeWordsWithPluralsAndInflections() {
        assertThat(keywords("Where is my REFUND?")).containsExactly("refund");
        assertThat(keywords("both refunds were refused")).containsExactly("refund");
        assertThat(keywords("it was refunded twice")).containsExactly("refund");
        assertThat(keywords("This is urgent, a lawsuit's coming")).containsExactly("lawsuit", "urgent");
        assertThat(keywords("I will sue you")).containsExactly("sue");
    }

    @Test
    void ignoresWordsThatOnlyContainTheKeyword() {
        assertThat(keywords("I have an issue with my pursuit of the refundable deposit")).isEmpty();
    }

    @Test
    void reportsTheKeywordTypeAndScore() {
        assertThat(KeywordSignal.detect(VisitorText.of("refund please"), KEYWORDS)).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("keyword");
            assertThat(s.score()).isEqualTo(InflectedPhrase.EXACT);
        });
    }
}
