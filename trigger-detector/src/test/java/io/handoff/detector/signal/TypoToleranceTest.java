package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypoToleranceTest {

    @Test
    void repairsOneEditOnKeyWordsIncludingSwaps() {
        assertThat(TypoTolerance.repair("talk to a humna")).isEqualTo("talk to a human");
        assertThat(TypoTolerance.repair("an agnet please")).isEqualTo("an agent please");
        assertThat(TypoTolerance.repair("a persn")).isEqualTo("a person");
        assertThat(TypoTolerance.repair("this is frustating")).isEqualTo("this is frustrating");
    }

    @Test
    void leavesPluralsAndRealLookAlikesAlone() {
        assertThat(TypoTolerance.repair("how many agents and humans")).isEqualTo("how many agents and humans");
        assertThat(TypoTolerance.repair("my personal steak")).isEqualTo("my personal steak");
        assertThat(TypoTolerance.repair("walk tall")).isEqualTo("walk tall");
    }

    @Test
    void leavesWordsThePatternsThemselvesUse() {
        assertThat(TypoTolerance.repair("me transfere para um operador")).isEqualTo("me transfere para um operador");
        assertThat(TypoTolerance.repair("c est inutile")).isEqualTo("c est inutile");
    }

    @Test
    void splitsTwoKeyWordsTypedAsOne() {
        assertThat(TypoTolerance.repair("humanagent please")).isEqualTo("human agent please");
        assertThat(TypoTolerance.repair("italk to a person")).isEqualTo("i talk to a person");
        assertThat(TypoTolerance.repair("isthere issomeone")).isEqualTo("is there is someone");
        assertThat(TypoTolerance.repair("speakwith withsomeone")).isEqualTo("speak with with someone");
    }

    @Test
    void neverCutsOrdinaryWordsThatHappenToBeTwoShortWords() {
        assertThat(TypoTolerance.repair("what does it mean to the theme"))
                .isEqualTo("what does it mean to the theme");
        assertThat(TypoTolerance.repair("transferring another therefore within into"))
                .isEqualTo("transferring another therefore within into");
        assertThat(TypoTolerance.repair("the contract says i am taking the train"))
                .isEqualTo("the contract says i am taking the train");
    }

    @Test
    void repairsContactAndComplaintTyposIncludingSwaps() {
        assertThat(TypoTolerance.repair("contcat ocntact cotact someone")).isEqualTo("contact contact contact someone");
        assertThat(TypoTolerance.repair("file a complaimt but do not complain")).isEqualTo("file a complaint but do not complain");
    }

    @Test
    void distanceCountsAnAdjacentSwapAsOneEdit() {
        assertThat(EditDistance.between("humna", "human", 2)).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(EditDistance.between("abcdef", "uvwxyz", 1)).isEqualTo(2);
    }
}
