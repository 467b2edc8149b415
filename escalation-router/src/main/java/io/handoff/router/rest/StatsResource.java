package io.handoff.router.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.json.EventJson;
import io.handoff.router.persistence.StatsQueries;
import io.handoff.router.persistence.StatsQueries.Figures;
import io.handoff.router.persistence.StatsQueries.Interval;
import io.handoff.router.service.FieldProblem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chatbot's success metrics over time ({@code docs/stats.md}): escalation rate, escalations by trigger,
 * time to the first human response and to resolution, the share answered within the response SLA,
 * offers declined, and deliveries per channel and outcome.
 */
@Path("/api/v1/chatbots/{chatbotId}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class StatsResource {

    static final int MAX_BUCKETS = 1000;
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final StatsQueries queries;
    private final ChatbotAccess access;

    public StatsResource(StatsQueries queries, ChatbotAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @Operation(summary = "A chatbot's escalation statistics, in total and per hour, day or week (UTC)")
    public String stats(@PathParam("chatbotId") String chatbotId,
                            @Parameter(description = "start of the range, inclusive (RFC 3339); default: 7 days before to")
                            @QueryParam("from") String from,
                            @Parameter(description = "end of the range, exclusive (RFC 3339); default: now")
                            @QueryParam("to") String to,
                            @Parameter(description = "hour, day (default) or week")
                            @QueryParam("interval") String interval) {
        access.requireReader(chatbotId);
        List<FieldProblem> problems = new ArrayList<>();
        Instant toInstant = QueryInstant.parse("to", to, problems, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Instant fromInstant = QueryInstant.parse("from", from, problems, toInstant.minus(DEFAULT_RANGE));
        Interval unit = interval(interval, problems);
        List<Instant> buckets = List.of();
        if (problems.isEmpty()) {
            if (!fromInstant.isBefore(toInstant)) {
                problems.add(new FieldProblem("from", "must be before to"));
            } else {
                buckets = buckets(fromInstant, toInstant, unit, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        StatsQueries.Stats stats = queries.stats(chatbotId, fromInstant, toInstant, unit, buckets);
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("chatbotId", chatbotId);
        body.put("from", fromInstant.toString());
        body.put("to", toInstant.toString());
        body.put("interval", unit.name().toLowerCase(Locale.ROOT));
        body.set("totals", figures(stats.totals()));
        var series = body.putArray("series");
        for (Map.Entry<Instant, Figures> bucket : stats.buckets().entrySet()) {
            ObjectNode entry = series.addObject().put("start", bucket.getKey().toString());
            entry.setAll(figures(bucket.getValue()));
        }
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statistics cannot be written as JSON", e);
        }
    }

    private static ObjectNode figures(Figures f) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("conversations", f.conversations());
        node.put("escalations", f.escalations());
        node.put("escalatedConversations", f.escalatedConversations());
        if (f.conversations() == 0) {
            node.putNull("escalationRate");
        } else {
            node.put("escalationRate", (double) f.escalatedConversations() / f.conversations());
        }
        ObjectNode triggers = node.putObject("escalationsByTrigger");
        f.escalationsByTrigger().forEach(triggers::put);
        node.put("offers", f.offers());
        node.put("offersDeclined", f.offersDeclined());
        node.set("firstResponse", EventJson.mapper().valueToTree(f.firstResponse()));
        node.set("resolution", EventJson.mapper().valueToTree(f.resolution()));
        ObjectNode sla = node.putObject("sla").put("tracked", f.slaTracked()).put("answeredWithin", f.withinSla());
        if (f.slaTracked() == 0) {
            sla.putNull("share");
        } else {
            sla.put("share", (double) f.withinSla() / f.slaTracked());
        }
        ObjectNode deliveries = node.putObject("deliveries");
        f.deliveries().forEach((channel, statuses) -> {
            ObjectNode perChannel = deliveries.putObject(channel);
            statuses.forEach(perChannel::put);
        });
        return node;
    }

    /** The starts of the buckets that overlap [from, to), as PostgreSQL's date_trunc makes them in UTC. */
    private static List<Instant> buckets(Instant from, Instant to, Interval unit, List<FieldProblem> problems) {
        Instant start = switch (unit) {
            case HOUR -> from.truncatedTo(ChronoUnit.HOURS);
            case DAY -> from.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> from.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        };
        Duration step = switch (unit) {
            case HOUR -> Duration.ofHours(1);
            case DAY -> Duration.ofDays(1);
            case WEEK -> Duration.ofDays(7);
        };
        List<Instant> starts = new ArrayList<>();
        for (Instant t = start; t.isBefore(to); t = t.plus(step)) {
            if (starts.size() == MAX_BUCKETS) {
                problems.add(new FieldProblem("interval", "the range holds more than " + MAX_BUCKETS
                        + " buckets of this interval; choose a shorter range or a longer interval"));
                return List.of();
            }
            starts.add(t);
        }
        return starts;
    }

    private static Interval interval(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Interval.DAY;
        }
        try {
            return Interval.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("interval", "must be hour, day or week"));
            return Interval.DAY;
        }
    }
}
