package io.handoff.slack.service;

import com.slack.api.app_backend.SlackSignature;
import io.handoff.slack.config.SlackNotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;

/**
 * Checks that a request really comes from Slack: {@code X-Slack-Signature} must be the HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} with the app's signing secret, and the timestamp within five minutes
 * of now, so that a captured request cannot be replayed later.
 */
@ApplicationScoped
public class SlackRequestVerifier {

    private final Optional<SlackSignature.Verifier> verifier;
    private final Clock clock;

    @Inject
    public SlackRequestVerifier(SlackNotifierConfig config) {
        this(config.signingSecret().filter(s -> !s.isBlank()), Clock.systemUTC());
    }

    SlackRequestVerifier(Optional<String> signingSecret, Clock clock) {
        this.verifier = signingSecret.map(s -> new SlackSignature.Verifier(new SlackSignature.Generator(s)));
        this.clock = clock;
    }

    /** Why the request is refused, or empty when it is genuine. */
    public Optional<String> refusal(String timestamp, String body, String signature) {
        Optional<String> headers = headerRefusal(timestamp, signature);
        if (headers.isPresent()) {
            return headers;
        }
        if (!verifier.get().isValid(timestamp.trim(), body, signature, clock.millis())) {
            return Optional.of("the signature does not match");
        }
        return Optional.empty();
    }

    /**
     * Why the request is refused from its headers alone, or empty when only the body's signature is left
     * to check: asked before the body is read, so an unsigned or stale request costs no buffering.
     */
    public Optional<String> headerRefusal(String timestamp, String signature) {
        if (verifier.isEmpty()) {
            return Optional.of("no signing secret is configured (HANDOFF_SLACK_SIGNING_SECRET)");
        }
        if (timestamp == null || signature == null) {
            return Optional.of("the request is not signed (X-Slack-Request-Timestamp, X-Slack-Signature)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of("the request timestamp is not a number");
        }
        if (Math.abs(clock.millis() - seconds * 1000) > SlackSignature.TimestampVerifier.TIMESTAMP_EXPIRATION_TIME_IN_MILLIS) {
            return Optional.of("the request timestamp is more than five minutes away from now");
        }
        return Optional.empty();
    }
}
