package io.handoff.webhook.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** The operator API's refusals as RFC 9457 problem documents, without internals. */
public class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    static Response response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail))
                .build();
    }

    static Response invalid(String field, String message) {
        return Response.status(400).type(MEDIA_TYPE)
                .entity(Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                        "detail", field + ": " + message,
                        "errors", List.of(Map.of("field", field, "message", message))))
                .build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(response(401, "Unauthorized", "Send the global administrator's bearer token: "
                + "Authorization: Bearer <JWT>.")).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(403, "Forbidden", "This token may not do that: " + e.getMessage() + ".");
    }
}
