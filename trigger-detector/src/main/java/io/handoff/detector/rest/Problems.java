package io.handoff.detector.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** The rule tester's refusals as RFC 9457 problem documents, without internals. */
public class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    static Response invalid(String field, String message) {
        return Response.status(400).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                        "detail", field + ": " + message,
                        "errors", List.of(Map.of("field", field, "message", message))))
                .build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.status(401).type(MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Map.of("type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "Send a valid bearer token: Authorization: Bearer <JWT>."))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", "Forbidden", "status", 403,
                        "detail", "This token may not do that: " + e.getMessage() + "."))
                .build();
    }
}
