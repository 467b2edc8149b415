package io.handoff.slack.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses a path with a control character before any endpoint runs: no chatbot id has one, and
 * PostgreSQL cannot compare text holding U+0000, so such an id would surface as a database failure (503)
 * instead of the caller's mistake (400).
 */
public class PathCharacters {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        if (uri.getPath().chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Problem.response(400, "Invalid path",
                    "The path contains a control character; chatbot ids never do."));
        }
        return Optional.empty();
    }
}
