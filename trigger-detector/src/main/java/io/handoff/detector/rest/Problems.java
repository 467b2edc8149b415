package io.handoff.detector.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The most a rule-tester request may announce: 50 messages of 32 KiB, with room for the JSON around them. */
    static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

    /** Refuses, before reading it, a body announced larger than any valid request. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes <= MAX_BODY_BYTES) {
            return Optional.empty();
        }
        return Optional.of(Response.status(413).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", "Body too large", "status", 413,
                        "detail", "A rule-tester request may have at most " + MAX_BODY_BYTES / (1024 * 1024) + " MiB."))
                .build());
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
