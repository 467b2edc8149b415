package io.handoff.slack.service;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlackRequestVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fhelp";

    private final SlackRequestVerifier verifier =
            new SlackRequestVerifier(Optional.of(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
    private final SlackSignature.Generator slack = new SlackSignature.Generator(SECRET);

    @Test
    void acceptsASignatureMadeWithTheSecretWithinFiveMinutes() {
        String ts = String.valueOf(NOW.minusSeconds(299).getEpochSecond());

        assertThat(verifier.refusal(ts, BODY, slack.generate(ts, BODY))).isEmpty();
    }

    @Test
    void refusesAnOldRequestEvenWhenItsSignatureIsRight() {
        String ts = String.valueOf(NOW.minusSeconds(301).getEpochSecond());

        assertThat(verifier.refusal(ts, BODY, slack.generate(ts, BODY))).get().asString().contains("five minutes");
    }

    @Test
    void refusesAnotherSecretAChangedBodyAndNoSecretAtAll() {
        String ts = String.valueOf(NOW.getEpochSecond());
        String other = new SlackSignature.Generator("another-secret").generate(ts, BODY);

        assertThat(verifier.refusal(ts, BODY, other)).get().asString().contains("does not match");
        assertThat(verifier.refusal(ts, BODY + "&x=1", slack.generate(ts, BODY))).isPresent();
        assertThat(verifier.refusal("yesterday", BODY, slack.generate(ts, BODY))).get().asString().contains("number");
        assertThat(new SlackRequestVerifier(Optional.empty(), Clock.systemUTC())
                .refusal(ts, BODY, slack.generate(ts, BODY))).get().asString().contains("no signing secret");
    }
}
