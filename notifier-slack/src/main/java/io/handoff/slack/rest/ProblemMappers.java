package io.handoff.slack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.slack.persistence.PersistenceException;
import io.handoff.slack.service.InvalidConnectionException;
import io.handoff.slack.service.SlackNotConfiguredException;
import io.handoff.slack.service.SlackUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every failure of the connections API becomes a problem response here; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidConnection(InvalidConnectionException e) {
        return Problem.response(400, "Invalid Slack connection", "Slack cannot be connected this way; see errors.",
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notConfigured(SlackNotConfiguredException e) {
        return Problem.response(409, "Slack app not configured", e.getMessage() + ".");
    }

    @ServerExceptionMapper
    public Response slackUnavailable(SlackUnavailableException e) {
        return Problem.response(502, "Slack unavailable", e.getMessage() + ".");
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.response(401, "Unauthorized",
                "Send a valid bearer token: Authorization: Bearer <JWT>.")).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "This token may not do that: " + e.getMessage() + ".");
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return unreadable();
    }

    @ServerExceptionMapper
    public Response unreadableBody(UnreadableBodyException e) {
        return unreadable();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable();
        }
        int status = e.getResponse().getStatus();
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(PersistenceException e) {
        LOG.error("database unavailable", e);
        return Problem.response(503, "Service unavailable", "Slack connections cannot be read or stored right now; "
                + "try again shortly.");
    }

    private static Response unreadable() {
        return Problem.response(400, "Unreadable request body", "The body is not valid JSON for this resource.");
    }
}
