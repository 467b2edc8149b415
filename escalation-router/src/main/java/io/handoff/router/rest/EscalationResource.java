package io.handoff.router.rest;

import io.handoff.router.persistence.EscalationQueries;
import io.handoff.router.persistence.EscalationQueries.Page;
import io.handoff.router.persistence.EscalationQueries.Position;
import io.handoff.router.persistence.TrackedEscalation;
import io.handoff.router.persistence.TrackedEscalation.State;
import io.handoff.router.service.FieldProblem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Escalation tracking: what triggered each escalation, whom it reached on which channel, and how
 * quickly the team answered and resolved it.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class EscalationResource {

    static final int MAX_LIMIT = 200;
    private static final int MAX_CURSOR_ID = 200;

    /** A page of the list; {@code nextCursor} is absent on the last page. */
    public record EscalationPage(List<TrackedEscalation> items, String nextCursor) {
    }

    private final EscalationQueries queries;

    private final ChatbotAccess access;

    public EscalationResource(EscalationQueries queries, ChatbotAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @Path("/chatbots/{chatbotId}/escalations")
    @Operation(summary = "List a chatbot's escalations, newest first",
            description = "Filter by status and by creation time; follow nextCursor for the next page.")
    public EscalationPage list(@PathParam("chatbotId") String chatbotId,
                               @Parameter(description = "RECEIVED, UNROUTED, WAITING, LIVE or RESOLVED")
                               @QueryParam("status") String status,
                               @Parameter(description = "created at or after this instant (RFC 3339)")
                               @QueryParam("from") String from,
                               @Parameter(description = "created before this instant (RFC 3339)")
                               @QueryParam("to") String to,
                               @Parameter(description = "page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") int limit,
                               @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        access.requireReader(chatbotId);
        List<FieldProblem> problems = new ArrayList<>();
        State state = state(status, problems);
        Instant fromInstant = QueryInstant.parse("from", from, problems, null);
        Instant toInstant = QueryInstant.parse("to", to, problems, null);
        Position after = cursor(cursor, problems);
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        Page page = queries.list(chatbotId, state, fromInstant, toInstant, after, limit);
        return new EscalationPage(page.items(), page.next() == null ? null : encode(page.next()));
    }

    @GET
    @Path("/escalations/{escalationId}")
    @Operation(summary = "One escalation: trigger and evidence, recipients, each delivery's outcome, reminder, response and resolution times")
    public Response get(@PathParam("escalationId") String escalationId) {
        Optional<TrackedEscalation> found = queries.find(escalationId);
        if (found.isEmpty()) {
            return Problem.response(404, "Not found", "No escalation " + escalationId);
        }
        access.requireReader(found.get().chatbotId());
        return Response.ok(found.get()).build();
    }

    private static State state(String status, List<FieldProblem> problems) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("status", "must be one of RECEIVED, UNROUTED, WAITING, LIVE, RESOLVED"));
            return null;
        }
    }

    private static String encode(Position position) {
        String raw = position.createdAt() + "|" + position.escalationId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position cursor(String cursor, List<FieldProblem> problems) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant createdAt = QueryInstant.parseOrNull(raw.substring(0, bar));
            String escalationId = raw.substring(bar + 1);
            // a cursor this API wrote holds a stored instant and id: none has a control character
            if (createdAt != null && escalationId.length() <= MAX_CURSOR_ID
                    && escalationId.chars().noneMatch(Character::isISOControl)) {
                return new Position(createdAt, escalationId);
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            // not base64, or no separator: answered below like any other foreign cursor
        }
        problems.add(new FieldProblem("cursor", "is not a cursor this API returned"));
        return null;
    }
}
