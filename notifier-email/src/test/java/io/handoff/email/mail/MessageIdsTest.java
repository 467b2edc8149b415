package io.handoff.email.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageIdsTest {

    private final MessageIds ids = new MessageIds("acme.example");

    @Test
    void theSameEscalationAndRecipientAlwaysGiveTheSameId() {
        assertThat(ids.original("esc-1", "ana@acme.example"))
                .isEqualTo(new MessageIds("acme.example").original("esc-1", " Ana@ACME.example "))
                .matches("<[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}@acme\\.example>");
    }

    @Test
    void recipientsEscalationsAndRemindersEachHaveTheirOwnId() {
        String first = ids.original("esc-1", "ana@acme.example");
        assertThat(ids.original("esc-1", "bo@acme.example")).isNotEqualTo(first);
        assertThat(ids.original("esc-2", "ana@acme.example")).isNotEqualTo(first);
        assertThat(ids.reminder("delivery-1", "ana@acme.example")).isNotEqualTo(first)
                .isNotEqualTo(ids.reminder("delivery-2", "ana@acme.example"));
    }

    @Test
    void theDomainIsTheSendersUnlessConfigured() {
        assertThat(MessageIds.domainOf("Handoff <handoff@mail.acme.example>")).isEqualTo("mail.acme.example");
        assertThat(MessageIds.domainOf("alerts@acme.example")).isEqualTo("acme.example");
        assertThat(MessageIds.domainOf("Handoff")).isEqualTo("localhost");
        assertThat(MessageIds.domainOf(null)).isEqualTo("localhost");
    }

    @Test
    void aDomainThatCouldBreakTheHeaderIsRefused() {
        assertThatThrownBy(() -> new MessageIds("acme.example>\r\nBcc: x@y")).isInstanceOf(IllegalArgumentException.class);
    }
}
