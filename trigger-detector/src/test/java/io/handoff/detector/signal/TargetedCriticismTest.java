package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetedCriticismTest {

    private static List<String> tokens(String text) {
        return TextNormalizer.tokens(TextNormalizer.normalize(text));
    }

    @Test
    void findsAFailureWordAimedAtTheBotInEachLanguage() {
        assertThat(TargetedCriticism.in(tokens("you got it wrong again"))).hasValue("you got it wrong");
        assertThat(TargetedCriticism.in(tokens("Your answers are so vague"))).hasValue("your answers are so vague");
        assertThat(TargetedCriticism.in(tokens("Me estás ignorando"))).isPresent();
        assertThat(TargetedCriticism.in(tokens("Tes réponses sont fausses"))).isPresent();
        assertThat(TargetedCriticism.in(tokens("Deine Antwort ist falsch"))).isPresent();
        assertThat(TargetedCriticism.in(tokens("Você está me ignorando"))).isPresent();
    }

    @Test
    void leavesSupportQuestionsAndTheProductAlone() {
        assertThat(TargetedCriticism.in(tokens("can you tell me why my payment failed?"))).isEmpty();
        assertThat(TargetedCriticism.in(tokens("is your app slow on Android too?"))).isEmpty();
        assertThat(TargetedCriticism.in(tokens("my password is wrong, how do I reset it?"))).isEmpty();
        assertThat(TargetedCriticism.in(tokens("you are not wrong, thanks"))).isEmpty();
    }
}
