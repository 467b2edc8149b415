package io.handoff.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CannedAssistantTest {

    private final CannedAssistant assistant = new CannedAssistant();

    @Test
    void answersWhatItKnowsConfidently() {
        CannedAssistant.Answer hours = assistant.answer("What are your opening hours?");
        assertThat(hours.text()).contains("Monday to Friday");
        assertThat(hours.confidence()).isGreaterThan(0.5);
        assertThat(hours.handoffSuggested()).isFalse();
    }

    @Test
    void isUnsureAboutEverythingElse() {
        assertThat(assistant.answer("Do you sell spaceships?")).isEqualTo(CannedAssistant.UNSURE);
        assertThat(CannedAssistant.UNSURE.confidence()).isLessThan(0.5);
    }

    @Test
    void suggestsAPersonForAComplaintEvenWhenItAlsoMentionsAKnownTopic() {
        CannedAssistant.Answer complaint = assistant.answer("My blender arrived broken, I want a refund");
        assertThat(complaint.handoffSuggested()).isTrue();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(assistant.answer("This is shipshape")).isEqualTo(CannedAssistant.UNSURE);
        assertThat(assistant.answer("HELLO there").text()).startsWith("Hello!");
    }
}
