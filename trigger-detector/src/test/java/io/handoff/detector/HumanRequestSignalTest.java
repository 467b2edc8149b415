package io.handoff.detector;

import io.handoff.detector.signal.HumanRequestSignal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HumanRequestSignalTest {

    @ParameterizedTest
    @ValueSource(strings = {"Can I talk to a person?", "I want to speak with someone", "Get me a real agent",
            "Human please", "I need human help", "transfer me to customer service", "can someone call me back",
            "agent", "OPERATOR!!", "i wanna talk to a human", "Is there a real person I can speak to?"})
    void recognisesRequestsForAPerson(String text) {
        assertThat(HumanRequestSignal.detect(text)).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo("human_request");
            assertThat(s.evidence()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Where is human resources?", "How many agents can I add to my plan?",
            "I don't need a human", "How do I talk to the API?", "What are your opening hours?", ""})
    void ignoresLookAlikes(String text) {
        assertThat(HumanRequestSignal.detect(text)).isEmpty();
    }
}
