package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedQuestionSignalTest {

    @Test
    void recognisesTheSameQuestionInOtherWords() {
        assertThat(RepeatedQuestionSignal.detect("how can I reset my password again?",
                List.of("Where are you based?", "How do I reset my password?")))
                .hasValueSatisfying(s -> {
                    assertThat(s.type()).isEqualTo("repeated_question");
                    assertThat(s.score()).isGreaterThanOrEqualTo(RepeatedQuestionSignal.THRESHOLD);
                    assertThat(s.evidence()).contains("How do I reset my password?");
                });
    }

    @Test
    void toleratesInflectionAndTypos() {
        assertThat(RepeatedQuestionSignal.detect("resetting pasword?", List.of("How do I reset my password?")))
                .isPresent();
    }

    @Test
    void ignoresADifferentQuestion() {
        assertThat(RepeatedQuestionSignal.detect("How do I change my email address?",
                List.of("How do I reset my password?"))).isEmpty();
    }

    @Test
    void aLongTextIsComparedByItsFirstContentWordsOnly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("word").append(Integer.toString(i, 36)).append(' ');
        }
        java.util.Set<String> words = ContentWords.of(VisitorText.tokensOf(text.toString()));
        assertThat(words).hasSizeGreaterThan(RepeatedQuestionSignal.MAX_COMPARED_WORDS);

        assertThat(RepeatedQuestionSignal.compared(words)).hasSize(RepeatedQuestionSignal.MAX_COMPARED_WORDS)
                .containsExactlyElementsOf(words.stream().limit(RepeatedQuestionSignal.MAX_COMPARED_WORDS).toList());
        // the same long text again is still a repeat
        assertThat(RepeatedQuestionSignal.detect(text.toString(), List.of(text.toString()))).isPresent();
    }

    @Test
    void ignoresMessagesWithoutContentAndEmptyHistory() {
        assertThat(RepeatedQuestionSignal.detect("ok thanks", List.of("ok thanks"))).isEmpty();
        assertThat(RepeatedQuestionSignal.detect("How do I reset my password?", List.of())).isEmpty();
    }

    @Test
    void similarityIsJaccardOverContentWords() {
        assertThat(RepeatedQuestionSignal.similarity(java.util.Set.of("reset", "password"),
                java.util.Set.of("reset", "password", "email"))).isEqualTo(2.0 / 3);
    }
}
