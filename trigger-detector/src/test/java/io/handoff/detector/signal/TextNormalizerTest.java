package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void lowersCaseRemovesAccentsAndPunctuation() {
        assertThat(TextNormalizer.normalize("¿Hablo con  una PERSONA? Ça, möchte — Straße!"))
                .isEqualTo("hablo con una persona ca mochte strasse");
    }

    @Test
    void spellsOutContractionsWithAndWithoutApostrophe() {
        assertThat(TextNormalizer.normalize("I don't know, you're wrong, it isn’t, I cant, dont"))
                .isEqualTo("i do not know you are wrong it is not i can not do not");
        assertThat(TextNormalizer.normalize("u r useless pls")).isEqualTo("you are useless please");
        assertThat(TextNormalizer.normalize("some one awesome one")).isEqualTo("someone awesome one");
    }

    @Test
    void readsMaskedSwearWordsAsOneTokenButLeavesAddressesAndCodeAlone() {
        assertThat(TextNormalizer.normalize("get me a f***ing human, sh*t")).isEqualTo("get me a expletive human expletive");
        assertThat(TextNormalizer.normalize("f#ck this, s***")).isEqualTo("expletive this expletive");
        assertThat(TextNormalizer.normalize("mail bob@example.com about C# and *bold* text, 5*3"))
                .isEqualTo("mail bob example com about c and bold text 5 3");
    }

    @Test
    void splitsClausesWhereTheVisitorPutPunctuation() {
        assertThat(TextNormalizer.clauses("No, I want a human. Now!")).containsExactly("no", "i want a human", "now");
        assertThat(TextNormalizer.clauses("Est-ce que je peux parler à quelqu'un ?"))
                .containsExactly("est ce que je peux parler a quelqu un");
    }

    @Test
    void breaksClausesAtPunctuationRunsAndAtDashesBetweenSpaces() {
        assertThat(TextNormalizer.clauses("agent - now")).containsExactly("agent", "now");
        assertThat(TextNormalizer.clauses("agent -now")).containsExactly("agent now");
        assertThat(TextNormalizer.clauses("agent\n- now")).containsExactly("agent", "now");
        assertThat(TextNormalizer.clauses("agent \u2014 now!?")).containsExactly("agent", "now");
    }

    @Test
    void theWholeLineMatchesItsClausesOnlyWhereNothingJoinsAcrossThem() {
        String text = "some. one";
        assertThat(TextNormalizer.normalize(text, TextNormalizer.clauses(text))).isEqualTo("someone");
        text = "Hi! Can I talk to a person?";
        assertThat(TextNormalizer.normalize(text, TextNormalizer.clauses(text))).isEqualTo(TextNormalizer.normalize(text));
    }

    @Test
    void handlesNullAndBlank() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.clauses("  ?! ")).isEmpty();
    }
}
