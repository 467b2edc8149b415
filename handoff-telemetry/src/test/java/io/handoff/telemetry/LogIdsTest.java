package io.handoff.telemetry;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.directive.LivechatStarted;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LogIdsTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void idsAreInTheMdcWhileTheScopeIsOpenAndGoneAfter() {
        try (LogIds ids = LogIds.of("bot-1", "c-1", "esc-1")) {
            assertThat(MDC.get(LogIds.CHATBOT)).isEqualTo("bot-1");
            assertThat(MDC.get(LogIds.CONVERSATION)).isEqualTo("c-1");
            assertThat(MDC.get(LogIds.ESCALATION)).isEqualTo("esc-1");
        }
        assertThat(MDC.get(LogIds.CHATBOT)).isNull();
        assertThat(MDC.get(LogIds.CONVERSATION)).isNull();
        assertThat(MDC.get(LogIds.ESCALATION)).isNull();
    }

    @Test
    void aNestedScopeGivesBackWhatTheOuterOneSet() {
        try (LogIds outer = LogIds.of("bot-1", "c-1", null)) {
            try (LogIds inner = LogIds.of(null, "c-2", "esc-2")) {
                assertThat(MDC.get(LogIds.CHATBOT)).isEqualTo("bot-1");
                assertThat(MDC.get(LogIds.CONVERSATION)).isEqualTo("c-2");
            }
            assertThat(MDC.get(LogIds.CONVERSATION)).isEqualTo("c-1");
            assertThat(MDC.get(LogIds.ESCALATION)).isNull();
        }
        assertThat(MDC.get(LogIds.CONVERSATION)).isNull();
    }

    @Test
    void aDirectiveThatNamesItsEscalationPutsItsIdToo() {
        LivechatStarted started = new LivechatStarted(null, "e-1", Instant.now(), new ChatbotRef(ExternalId.of("bot-1"), "Bot"),
                new ConversationRef(ExternalId.of("c-1"), "web", "en"), "esc-1", null, "Jane joined");
        try (LogIds ids = LogIds.of(started)) {
            assertThat(MDC.get(LogIds.ESCALATION)).isEqualTo("esc-1");
            assertThat(MDC.get(LogIds.CONVERSATION)).isEqualTo("c-1");
        }
    }
}
