package io.handoff.router.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses a path with a control character in it before any endpoint runs. No chatbot or escalation
 * id has one, and PostgreSQL cannot even compare text holding U+0000: such an id would otherwise
 * surface as a database failure (503) instead of the client's mistake.
 */
public class PathCharacters {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        String path = uri.getPath();
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of(Problem.response(400, "Invalid path",
                    "The path contains a control character; chatbot and escalation ids never do."));
        }
        return Optional.empty();
    }
}
