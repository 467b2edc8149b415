package io.handoff.slack.service;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.handoff.slack.config.SlackNotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls a Slack method for one channel until it succeeds, honouring Slack's rate limits:
 * <ul>
 *   <li>HTTP 429 holds the channel for its {@code Retry-After} (see {@link ChannelRateGate}), then the
 *       call is made again; up to {@value #MAX_RATE_LIMITED} such waits.</li>
 *   <li>Slack being unavailable (5xx, timeouts, {@code internal_error}) is retried after each of the
 *       configured delays.</li>
 *   <li>Anything else ({@code channel_not_found}, {@code invalid_auth}…) fails at once: retrying cannot
 *       fix a setup problem.</li>
 * </ul>
 */
@ApplicationScoped
public class SlackCaller {

    static final int MAX_RATE_LIMITED = 10;

    /** One Slack Web API call. */
    @FunctionalInterface
    public interface Method<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    /** Told before each wait, so that the wait can be reported. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int failedAttempt, String reason, Duration wait);

        RetryListener NONE = (attempt, reason, wait) -> { };
    }

    private final SlackApi slack;
    private final ChannelRateGate gate;
    private final List<Duration> delays;
    private final Duration maxRetryAfter;

    public SlackCaller(SlackApi slack, ChannelRateGate gate, SlackNotifierConfig config) {
        this.slack = slack;
        this.gate = gate;
        this.delays = List.copyOf(config.retryDelays());
        this.maxRetryAfter = config.maxRetryAfter();
    }

    public <T extends SlackApiTextResponse> T call(String botToken, String channelKey, Method<T> method,
                                                   RetryListener listener) throws SlackFailure {
        MethodsClient methods = slack.as(botToken);
        int failures = 0;
        int rateLimited = 0;
        for (int attempt = 1; ; attempt++) {
            awaitTurn(channelKey);
            String reason;
            try {
                T response = method.call(methods);
                if (response.isOk()) {
                    return response;
                }
                String error = response.getError();
                if (!SlackErrors.isTransient(error)) {
                    throw new SlackFailure(SlackErrors.describe(error), true);
                }
                reason = SlackErrors.describe(error);
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    Duration retryAfter = retryAfter(e.getResponse().header("Retry-After"));
                    if (retryAfter.compareTo(maxRetryAfter) > 0 || ++rateLimited > MAX_RATE_LIMITED) {
                        throw new SlackFailure("Slack rate limit: HTTP 429, Retry-After " + retryAfter.toSeconds()
                                + "s, gave up after " + attempt + " attempts", false);
                    }
                    gate.holdOff(channelKey, retryAfter);
                    listener.retrying(attempt, "Slack rate limit: HTTP 429, Retry-After "
                            + retryAfter.toSeconds() + "s", retryAfter);
                    continue;
                }
                if (status < 500) {
                    throw new SlackFailure("Slack answered HTTP " + status, true);
                }
                reason = "Slack answered HTTP " + status;
            } catch (IOException e) {
                reason = "Slack unreachable (" + e.getClass().getSimpleName() + ")";
            }
            if (failures >= delays.size()) {
                throw new SlackFailure(reason + "; gave up after " + attempt + " attempts", false);
            }
            Duration wait = jittered(delays.get(failures++));
            listener.retrying(attempt, reason, wait);
            sleep(wait);
        }
    }

    /** Slack sends whole seconds; a missing or unreadable header means one second. */
    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private void awaitTurn(String channelKey) throws SlackFailure {
        try {
            gate.awaitTurn(channelKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure("interrupted while waiting out Slack's rate limit", false);
        }
    }

    private static void sleep(Duration wait) throws SlackFailure {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure("interrupted while waiting to retry", false);
        }
    }

    /** Up to 20% longer, so that many failed posts do not all come back at the same moment. */
    private static Duration jittered(Duration delay) {
        return delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 5 + 1));
    }
}
