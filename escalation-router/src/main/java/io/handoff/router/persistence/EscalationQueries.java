package io.handoff.router.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.router.persistence.TrackedEscalation.Delivery;
import io.handoff.router.persistence.TrackedEscalation.Reminder;
import io.handoff.router.persistence.TrackedEscalation.State;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads escalations for the tracking API, newest first, page by page. */
@ApplicationScoped
public class EscalationQueries {

    /** A page of escalations and where the next one starts (null on the last page). */
    public record Page(List<TrackedEscalation> items, Position next) {
    }

    /** The last row of a page: the next page starts strictly after it in (created_at, id) descending order. */
    public record Position(Instant createdAt, String escalationId) {
    }

    private static final String COLUMNS = """
            escalation_id, chatbot_id, conversation_id, status, note, event, created_at, routed_at, email_recipients,
            closed_until, reminder_due_at, reminder_recipients, reminder_sent_at, reminder_delivery_id,
            slack_channel, reminder_slack_delivery_id, first_response_at, responded_by, resolved_at""";

    private static final String STATE = """
            CASE WHEN resolved_at IS NOT NULL THEN 'RESOLVED'
                 WHEN first_response_at IS NOT NULL THEN 'LIVE'
                 WHEN status = 'ROUTED' THEN 'WAITING'
                 ELSE status END""";

    private final DataSource dataSource;

    public EscalationQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<TrackedEscalation> find(String escalationId) {
        List<TrackedEscalation> found = query("SELECT " + COLUMNS + " FROM escalation WHERE escalation_id = ?",
                List.of(escalationId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * @param state  only escalations in this state, or all when null
     * @param from   created at or after, or null
     * @param to     created before, or null
     * @param after  the previous page's last row, or null for the first page
     */
    public Page list(String chatbotId, State state, Instant from, Instant to, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM escalation WHERE chatbot_id = ?");
        List<Object> args = new ArrayList<>(List.of(chatbotId));
        if (state != null) {
            sql.append(" AND ").append(STATE).append(" = ?");
            args.add(state.name());
        }
        if (from != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND created_at < ?");
            args.add(Timestamp.from(to));
        }
        if (after != null) {
            sql.append(" AND (created_at, escalation_id) < (?, ?)");
            args.add(Timestamp.from(after.createdAt()));
            args.add(after.escalationId());
        }
        sql.append(" ORDER BY created_at DESC, escalation_id DESC LIMIT ?");
        args.add(limit + 1);
        List<TrackedEscalation> rows = query(sql.toString(), args);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<TrackedEscalation> page = rows.subList(0, limit);
        TrackedEscalation last = page.get(limit - 1);
        return new Page(List.copyOf(page), new Position(last.createdAt(), last.escalationId()));
    }

    private List<TrackedEscalation> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Row.read(rs));
                    }
                }
            }
            Map<String, List<Delivery>> deliveries = deliveries(c, rows);
            return rows.stream().map(r -> r.toTracked(deliveries.getOrDefault(r.escalationId, List.of()))).toList();
        } catch (SQLException | JsonProcessingException e) {
            throw new PersistenceException("cannot read escalations", e);
        }
    }

    private static Map<String, List<Delivery>> deliveries(Connection c, List<Row> rows) throws SQLException {
        Map<String, List<Delivery>> byEscalation = new HashMap<>();
        if (rows.isEmpty()) {
            return byEscalation;
        }
        Map<String, List<String>> reminderIds = new HashMap<>();
        rows.forEach(r -> reminderIds.put(r.escalationId, Stream.of(r.reminderDeliveryId, r.reminderSlackDeliveryId)
                .filter(Objects::nonNull).toList()));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT delivery_id, escalation_id, channel, target, status, attempt, detail, updated_at
                  FROM delivery WHERE escalation_id = ANY (?) ORDER BY updated_at""")) {
            ps.setArray(1, c.createArrayOf("text", rows.stream().map(r -> r.escalationId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String escalationId = rs.getString("escalation_id");
                    String deliveryId = rs.getString("delivery_id");
                    byEscalation.computeIfAbsent(escalationId, k -> new ArrayList<>()).add(new Delivery(deliveryId,
                            rs.getString("channel"), rs.getString("target"), rs.getString("status"), rs.getInt("attempt"),
                            rs.getString("detail"), rs.getTimestamp("updated_at").toInstant(),
                            reminderIds.getOrDefault(escalationId, List.of()).contains(deliveryId)));
                }
            }
        }
        return byEscalation;
    }

    /** One escalation row as read, before its deliveries are attached. */
    private record Row(String escalationId, String chatbotId, String conversationId, String status, String note,
                       EscalationCreated event, Instant createdAt, Instant routedAt, List<String> emailRecipients,
                       Instant closedUntil, Instant reminderDueAt, List<String> reminderRecipients, Instant reminderSentAt,
                       String reminderDeliveryId, String slackChannel, String reminderSlackDeliveryId,
                       Instant firstResponseAt, String respondedBy, Instant resolvedAt) {

        private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

        static Row read(ResultSet rs) throws SQLException, JsonProcessingException {
            return new Row(rs.getString("escalation_id"), rs.getString("chatbot_id"), rs.getString("conversation_id"),
                    rs.getString("status"), rs.getString("note"),
                    EventJson.mapper().readValue(rs.getString("event"), EscalationCreated.class),
                    instant(rs, "created_at"), instant(rs, "routed_at"), strings(rs.getString("email_recipients")),
                    instant(rs, "closed_until"), instant(rs, "reminder_due_at"), strings(rs.getString("reminder_recipients")),
                    instant(rs, "reminder_sent_at"), rs.getString("reminder_delivery_id"), rs.getString("slack_channel"),
                    rs.getString("reminder_slack_delivery_id"), instant(rs, "first_response_at"),
                    rs.getString("responded_by"), instant(rs, "resolved_at"));
        }

        TrackedEscalation toTracked(List<Delivery> deliveries) {
            String state = resolvedAt != null ? State.RESOLVED.name()
                    : firstResponseAt != null ? State.LIVE.name()
                    : status.equals("ROUTED") ? State.WAITING.name()
                    : status;
            Reminder reminder = reminderDueAt == null ? null
                    : new Reminder(reminderDueAt, reminderRecipients, slackChannel, reminderSentAt, reminderDeliveryId,
                            reminderSlackDeliveryId);
            return new TrackedEscalation(escalationId, chatbotId, conversationId, state, note, createdAt, routedAt,
                    event.trigger(), event.signals(), event.lastMessage(), emailRecipients, closedUntil, reminder,
                    firstResponseAt, respondedBy, resolvedAt, deliveries);
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }

        private static List<String> strings(String json) throws JsonProcessingException {
            return json == null ? null : EventJson.mapper().readValue(json, STRINGS);
        }
    }
}
