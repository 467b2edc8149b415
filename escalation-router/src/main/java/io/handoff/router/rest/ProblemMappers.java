package io.handoff.router.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.handoff.router.persistence.PersistenceException;
import io.handoff.router.service.FieldProblem;
import io.handoff.router.service.InvalidSettingsException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns every failure into a problem response, once, here. Clients never see a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern JAVA_TYPE = Pattern.compile("`(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)`");

    @ServerExceptionMapper
    public Response invalidSettings(InvalidSettingsException e) {
        return Problem.response(400, "Invalid settings", "Some fields are not valid; see errors.", e.problems());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        Response problem = Problem.response(401, "Unauthorized",
                "Send a valid bearer token: Authorization: Bearer <JWT>.");
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", e.getMessage() == null
                ? "This token may not do that." : "This token may not do that: " + e.getMessage() + ".");
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return Problem.response(400, "Invalid query", "Some parameters are not valid; see errors.", e.problems());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        return Problem.response(400, "Unreadable request body", "The body is not valid JSON for this resource.",
                List.of(new FieldProblem(field, withoutJavaNames(e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return Problem.response(400, "Unreadable request body", "The body has a field this resource does not know.",
                List.of(new FieldProblem(field, "unknown field; the settings document lists the fields there are")));
    }

    /** Jackson names Java types in its messages; callers know the JSON, so only the simple name stays. */
    static String withoutJavaNames(String message) {
        if (message == null) {
            return "unreadable value";
        }
        return JAVA_TYPE.matcher(message).replaceAll("$1").replaceAll(" \\(class [\\w.$]+\\)", "");
    }

    /** More specific than the framework's own mapper for this type, which would answer in another shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(PersistenceException e) {
        LOG.error("database unavailable", e);
        return Problem.response(503, "Service unavailable", "Settings cannot be stored right now; try again shortly.");
    }
}
