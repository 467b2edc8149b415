package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FillersTest {

    @Test
    void dropsSwearWordsAndHesitationsInsideARequest() {
        assertThat(Fillers.without("help me talk to fucking someone")).isEqualTo("help me talk to someone");
        assertThat(Fillers.without("can i talk to a damn person")).isEqualTo("can i talk to a person");
        assertThat(Fillers.without("i want to umm speak to a expletive human")).isEqualTo("i want to speak to a human");
    }

    @Test
    void dropsARomanceSwearWordTogetherWithItsDe() {
        assertThat(Fillers.without("je veux parler a un putain d humain")).isEqualTo("je veux parler a un humain");
        assertThat(Fillers.without("quero falar com uma porra de atendente")).isEqualTo("quero falar com uma atendente");
    }

    @Test
    void leavesWordsThatOnlyLookLikeFillersAlone() {
        assertThat(Fillers.without("quero falar com um atendente")).isEqualTo("quero falar com um atendente");
        assertThat(Fillers.without("kann er mir helfen")).isEqualTo("kann er mir helfen");
        assertThat(Fillers.without("la puerta de la tienda")).isEqualTo("la puerta de la tienda");
    }
}
