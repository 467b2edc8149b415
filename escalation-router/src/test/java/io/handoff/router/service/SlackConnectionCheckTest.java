package io.handoff.router.service;

import io.handoff.events.settings.SlackSettings;
import io.handoff.router.persistence.StoredSlackConnection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlackConnectionCheckTest {

    private static final Optional<StoredSlackConnection> CONNECTED = Optional.of(new StoredSlackConnection("bot", "T1",
            "Acme", "C1", "support", Instant.parse("2026-11-01T00:00:00Z")));

    @Test
    void slackCanOnlyBeEnabledWithAConnectedWorkspace() {
        assertThat(SlackConnectionCheck.problems(new SlackSettings(true, null, "C9"), Optional.empty()))
                .containsExactly(new FieldProblem("slack.enabled", SlackConnectionCheck.NOT_CONNECTED));
        assertThat(SlackConnectionCheck.problems(new SlackSettings(true, null, null), CONNECTED)).isEmpty();
        assertThat(SlackConnectionCheck.problems(new SlackSettings(true, "T1", "C9"), CONNECTED)).isEmpty();
    }

    @Test
    void aDisabledSlackBlockStaysSaveableAfterADisconnection() {
        assertThat(SlackConnectionCheck.problems(new SlackSettings(false, "T1", "C1"), Optional.empty())).isEmpty();
    }

    @Test
    void aWorkspaceOtherThanTheConnectedOneIsRefusedNamingTheConnectedOne() {
        assertThat(SlackConnectionCheck.problems(new SlackSettings(true, "T2", null), CONNECTED))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("slack.teamId");
                    assertThat(p.message()).contains("'T2'", "T1 (Acme)");
                });
        assertThat(SlackConnectionCheck.problems(new SlackSettings(false, "T2", null), CONNECTED))
                .extracting(FieldProblem::field).containsExactly("slack.teamId");
    }
}
