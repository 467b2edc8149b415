package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HumanRequestSignalTest {

    @ParameterizedTest
    @ValueSource(strings = {"Can I talk to a person?", "I want to speak with someone", "Get me a real agent",
            "Human please", "I need human help", "transfer me to customer service", "can someone call me back",
            "i wanna talk to a human", "Is there a real person I can speak to?", "May I speak with a representative?",
            "I would like to be transferred to an agent", "how can I contact customer service",
            "put me through to someone who can help", "can you put me through to billing", "let me talk to a rep",
            "I need to speak with a manager right now", "please have someone contact me", "I'd like a callback",
            "can a human take over", "who can I talk to about an enterprise plan", "Are there any humans working there?",
            "I want a real person not this bot", "i don't want to talk to a bot", "this bot can't help, I need a human"})
    void recognisesEnglishRequestsInManyPhrasings(String text) {
        assertThat(HumanRequestSignal.detect(text)).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo("human_request");
            assertThat(s.score()).isBetween(0.5, 1.0);
            assertThat(s.evidence()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "Agent!", "OPERATOR!!", "operator please", "Representative.", "human",
            "escalate please", "customer service please", "a real person please"})
    void recognisesShortForms(String text) {
        assertThat(HumanRequestSignal.detect(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Can I talk to a humna", "speak to huamn", "talk to an agnet", "talk to persn",
            "I want to talk to a represenative", "connect me to an operater", "get me a humann", "TALK TO A PERSON!!!",
            "can i tlak to someone"})
    void toleratesCaseAndOneLetterTypos(String text) {
        assertThat(HumanRequestSignal.detect(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Where is the human resources page?", "How many agents can I add on the starter plan?",
            "I don't need a human", "No need for a human, thanks, you solved it", "How do I talk to the API?",
            "Can I talk to you about my order status?", "I'm a real estate agent, which plan should I pick?",
            "What does the customer service add-on include?", "Is the manager dashboard available on mobile?",
            "How do I invite a person to my workspace?", "I do not want to speak to anyone, just send the invoice",
            "No human needed, the bot is fine", "How do I assign a conversation to an agent?",
            "Can my customers talk to a human when the bot is unsure?", "What is a user agent string?",
            "How do I give a person access to billing?", "Where is the operator console?",
            "Can I send this report to my manager?", "Does the bot support handoff to a live agent?",
            "I need the agent ID for the webhook", "I am not a robot", "What are your opening hours?", ""})
    void ignoresLookAlikesAndRefusals(String text) {
        assertThat(HumanRequestSignal.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quiero hablar con una persona", "¿Hay alguien con quien pueda hablar?",
            "necesito hablar con alguien", "me pasas con un asesor por favor", "¿Me puede atender una persona?",
            "Quiero hablar con un agente", "¿Puedo hablar con un humano?"})
    void recognisesSpanish(String text) {
        assertThat(HumanRequestSignal.detect(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"je veux parler à un humain", "Je veux parler à une vraie personne",
            "je veux parler à un conseiller", "pouvez-vous me passer un conseiller", "j'ai besoin d'un vrai humain",
            "Est-ce que je peux parler à quelqu'un ?", "mettez-moi en relation avec un conseiller"})
    void recognisesFrench(String text) {
        assertThat(HumanRequestSignal.detect(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ich möchte mit einem Menschen sprechen", "Ich möchte mit einem Mitarbeiter sprechen",
            "Ich brauche einen echten Menschen", "Verbinden Sie mich bitte mit einem Mitarbeiter",
            "kann ich bitte mit jemandem reden", "gibt es einen echten Menschen?"})
    void recognisesGerman(String text) {
        assertThat(HumanRequestSignal.detect(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quero falar com alguém", "preciso falar com um atendente", "Quero falar com uma pessoa",
            "preciso de um atendente humano", "me transfere para um atendente", "tem alguém aí?",
            "Preciso falar com alguém do suporte"})
    void recognisesPortuguese(String text) {
        assertThat(HumanRequestSignal.detect(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"No necesito hablar con una persona, gracias", "Je ne veux pas parler à un humain",
            "Ich möchte keinen Mitarbeiter sprechen", "Ich möchte einen Mitarbeiter hinzufügen",
            "Não quero falar com ninguém", "Quiero saber cuántos agentes puedo añadir",
            "Wie viele Personen können das Konto nutzen?", "Combien de personnes peuvent utiliser le compte ?",
            "¿Cuánto cuesta el envío?", "Wo finde ich meine Rechnung?"})
    void ignoresRefusalsAndLookAlikesInOtherLanguages(String text) {
        assertThat(HumanRequestSignal.detect(text)).isEmpty();
    }

    @Test
    void aNegationInOneClauseDoesNotCancelARequestInTheNext() {
        assertThat(HumanRequestSignal.detect("No, I want a human")).isPresent();
        assertThat(HumanRequestSignal.detect("That didn't work, let me talk to an agent")).isPresent();
    }

    @Test
    void quotesTheWordsThatFired() {
        assertThat(HumanRequestSignal.detect("Hi there, can I talk to a person about my invoice?"))
                .hasValueSatisfying(s -> assertThat(s.evidence()).isEqualTo("talk to a person"));
    }
}
