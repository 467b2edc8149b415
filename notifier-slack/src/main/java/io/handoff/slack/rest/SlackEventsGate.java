package io.handoff.slack.rest;

import io.handoff.slack.service.SlackRequestVerifier;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Runs before the body of a {@code /slack/events} request is read: an unsigned or stale request, one
 * without a length, or one that announces a body larger than Slack sends, is refused at once instead of
 * being buffered first.
 */
public class SlackEventsGate {

    /** Slack's events are a few KiB; a message of 40,000 characters with its blocks stays far below this. */
    static final long MAX_EVENT_BYTES = 512 * 1024;

    private static final Logger LOG = Logger.getLogger(SlackEventsGate.class);

    private final SlackRequestVerifier verifier;

    public SlackEventsGate(SlackRequestVerifier verifier) {
        this.verifier = verifier;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> beforeTheBody(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().equals("/slack/events")) {
            return Optional.empty();
        }
        Optional<String> refusal = verifier.headerRefusal(request.getHeaderString("X-Slack-Request-Timestamp"),
                request.getHeaderString("X-Slack-Signature"));
        if (refusal.isPresent()) {
            LOG.warnf("refused a Slack events request: %s", refusal.get());
            return Optional.of(Problem.response(401, "Unauthorized", refusal.get() + "."));
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // Slack always says how long its events are; a body of unknown length is not buffered to find out
            return Optional.of(Problem.response(411, "Length required", "Send the event with a Content-Length."));
        }
        if (tooLong(length)) {
            return Optional.of(Problem.response(413, "Body too large",
                    "A Slack event has at most " + MAX_EVENT_BYTES / 1024 + " KiB."));
        }
        return Optional.empty();
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_EVENT_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
