package io.handoff.slack.service;

import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.notify.NotifySlack;
import io.handoff.testing.SampleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationMessageTest {

    @Test
    void whatAVisitorTypedCannotInjectSlackMarkup() {
        NotifySlack command = command("<!channel> click <https://evil.example|here> & win");

        String blocks = EscalationMessage.of(command).blocks().toString();

        assertThat(blocks).contains("&lt;!channel&gt; click &lt;https://evil.example|here&gt; &amp; win")
                .doesNotContain("<!channel>");
    }

    @Test
    void theFallbackTextSaysWhoWhyAndWhereToAnswer() {
        EscalationMessage message = EscalationMessage.of(command("Where is my refund?"));

        assertThat(message.text()).isEqualTo("My Chatbot: Visitor needs human assistance \u2014 Asked for a person "
                + "(\u201cspeak with someone\u201d) \u2014 \u201cWhere is my refund?\u201d https://console.example.com/c/9");
    }

    @Test
    void triggersAreExplainedInPlainWords() {
        assertThat(EscalationMessage.reason(new Signal(SignalType.RESTRICTED_TOPIC, 1, "cancel my contract")))
                .isEqualTo("Raised a topic that always goes to a person (\u201ccancel my contract\u201d)");
        assertThat(EscalationMessage.reason(new Signal(SignalType.AI_LOW_CONFIDENCE, 0.8, null)))
                .isEqualTo("The chatbot was not confident in its answer");
    }

    @Test
    void aVeryLongMessageIsShortenedToWhatSlackAccepts() {
        String longText = "x".repeat(5000);

        EscalationMessage message = EscalationMessage.of(command(longText));

        assertThat(message.blocks().toString()).doesNotContain("x".repeat(2901));
        assertThat(message.text().length()).isLessThan(600);
    }

    private static NotifySlack command(String lastMessage) {
        EscalationCreated escalation = SampleEvents.escalation("bot", 9, lastMessage);
        return new NotifySlack(null, "n", Instant.now(), "d", escalation, "https://console.example.com/c/9", false,
                null, "C1");
    }
}
