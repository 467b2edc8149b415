package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FrustrationSignalTest {

    @ParameterizedTest
    @ValueSource(strings = {"this isn't helping", "you're not understanding", "this is frustrating", "I give up",
            "I already told you that", "useless", "worst support ever", "what a waste of time", "this makes no sense",
            "I'm losing my patience", "That doesn't answer my question", "This chatbot is a joke", "wrong again",
            "are you even reading what I write?", "I've explained this twice already", "for the third time, I need my invoice",
            "this is going nowhere", "you have no idea what you're talking about", "I'm so fed up with this",
            "Ugh this is so annoying", "what the hell"})
    void recognisesFrustratedPhrases(String text) {
        assertThat(FrustrationSignal.detect(text)).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo("frustration");
            assertThat(s.score()).isBetween(FrustrationSignal.THRESHOLD, 1.0);
            assertThat(s.evidence()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"esto es frustrante", "no me entiendes", "esto no sirve para nada", "ya te lo dije tres veces",
            "vous ne comprenez pas", "c'est nul", "ça ne sert à rien", "j'en ai marre", "das hilft nicht",
            "Sie verstehen mich nicht", "ich habe das schon dreimal gesagt", "isso não ajuda", "você não está me ajudando",
            "já falei isso"})
    void recognisesOtherLanguages(String text) {
        assertThat(FrustrationSignal.detect(text)).isPresent();
    }

    @Test
    void recognisesShoutingInCapitals() {
        assertThat(FrustrationSignal.detect("WHY IS THIS SO HARD"))
                .hasValueSatisfying(s -> assertThat(s.evidence()).contains("ALL CAPS"));
        assertThat(FrustrationSignal.detect("Does the API support SSO?")).isEmpty();
        assertThat(FrustrationSignal.detect("FAQ URL?")).isEmpty();
    }

    @Test
    void repeatedPunctuationCountsOnlyWithAnotherCue() {
        assertThat(FrustrationSignal.detect("same answer again??")).isPresent();
        assertThat(FrustrationSignal.detect("seriously?!")).isPresent();
        assertThat(FrustrationSignal.detect("where is my parcel??")).isEmpty();
    }

    @Test
    void scoresHigherWhenCuesCombine() {
        double calm = FrustrationSignal.detect("this is useless").orElseThrow().score();
        double loud = FrustrationSignal.detect("THIS IS USELESS, I GIVE UP!!!").orElseThrow().score();
        assertThat(loud).isGreaterThan(calm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"thank you!", "great, works now", "Awesome!!! That's exactly it", "great, thanks!!",
            "Can you explain that again?", "How do I stop the bot from answering at night?",
            "Is the worst case delivery time 5 days?", "The app is not working on my phone, what should I do?",
            "I keep getting error 500 when I log in", "My payment failed, what's wrong?", "not bad at all",
            "Could you tell me about the enterprise plan?", "Never mind, I found it"})
    void ignoresPoliteAndNeutralMessages(String text) {
        assertThat(FrustrationSignal.detect(text)).isEmpty();
    }

    @Test
    void sarcasticThanksWithAStrongCueIsStillFrustration() {
        assertThat(FrustrationSignal.detect("great, another useless answer")).isPresent();
    }
}
