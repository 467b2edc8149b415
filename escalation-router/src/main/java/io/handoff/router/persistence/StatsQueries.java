package io.handoff.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chatbot's success metrics over a time range, per bucket and in total, straight from the escalations,
 * their deliveries and the conversations the router has seen. Buckets are in UTC; an escalation counts
 * in the bucket it was created in, with its response, resolution and deliveries whenever they happened.
 */
@ApplicationScoped
public class StatsQueries {

    /** A bucket width PostgreSQL's {@code date_trunc} knows. */
    public enum Interval {
        HOUR, DAY, WEEK;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Median and 90th percentile of a duration, over {@code count} escalations. */
    public record Durations(long count, Double medianSeconds, Double p90Seconds) {
    }

    /** The figures of one bucket, or of the whole range. */
    public static final class Figures {
        long conversations;
        long escalations;
        long escalatedConversations;
        long offers;
        long offersDeclined;
        final Map<String, Long> escalationsByTrigger = new TreeMap<>();
        Durations firstResponse = new Durations(0, null, null);
        Durations resolution = new Durations(0, null, null);
        long slaTracked;
        long withinSla;
        final Map<String, Map<String, Long>> deliveries = new TreeMap<>();

        public long conversations() {
            return conversations;
        }

        public long escalations() {
            return escalations;
        }

        public long escalatedConversations() {
            return escalatedConversations;
        }

        public long offers() {
            return offers;
        }

        public long offersDeclined() {
            return offersDeclined;
        }

        public Map<String, Long> escalationsByTrigger() {
            return escalationsByTrigger;
        }

        public Durations firstResponse() {
            return firstResponse;
        }

        public Durations resolution() {
            return resolution;
        }

        public long slaTracked() {
            return slaTracked;
        }

        public long withinSla() {
            return withinSla;
        }

        /** Per channel ({@code email}, {@code slack}, {@code webhook}), how many deliveries ended in each status. */
        public Map<String, Map<String, Long>> deliveries() {
            return deliveries;
        }
    }

    /** The totals, and each bucket's figures by its start. */
    public record Stats(Figures totals, Map<Instant, Figures> buckets) {
    }

    private final DataSource dataSource;

    public StatsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The figures of {@code chatbotId} in [{@code from}, {@code to}); {@code bucketStarts} are the buckets to fill. */
    public Stats stats(String chatbotId, Instant from, Instant to, Interval interval, Iterable<Instant> bucketStarts) {
        Figures totals = new Figures();
        Map<Instant, Figures> buckets = new LinkedHashMap<>();
        bucketStarts.forEach(start -> buckets.put(start, new Figures()));
        String bucket = "date_trunc('" + interval.sql() + "', %s AT TIME ZONE 'UTC')";
        try (Connection c = dataSource.getConnection()) {
            escalations(c, bucket.formatted("created_at"), chatbotId, from, to, totals, buckets);
            triggers(c, bucket.formatted("created_at"), chatbotId, from, to, totals, buckets);
            deliveries(c, bucket.formatted("e.created_at"), chatbotId, from, to, totals, buckets);
            activity(c, bucket, chatbotId, from, to, totals, buckets);
        } catch (SQLException e) {
            throw new PersistenceException("statistics of chatbot " + chatbotId + " not read (SQL state "
                    + e.getSQLState() + ")", e);
        }
        return new Stats(totals, buckets);
    }

    private static void escalations(Connection c, String bucket, String chatbotId, Instant from, Instant to,
                                    Figures totals, Map<Instant, Figures> buckets) throws SQLException {
        String sql = """
                SELECT bucket, count(*) AS escalations, count(DISTINCT conversation_id) AS conversations,
                       count(first_response) AS answered,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response) AS first_median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response) AS first_p90,
                       count(resolution) AS resolved,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution) AS resolution_median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution) AS resolution_p90,
                       count(*) FILTER (WHERE sla_tracked) AS sla_tracked,
                       count(*) FILTER (WHERE within_sla) AS within_sla
                  FROM (SELECT %s AS bucket, conversation_id,
                               extract(epoch FROM first_response_at - created_at) AS first_response,
                               extract(epoch FROM resolved_at - created_at) AS resolution,
                               reminder_due_at IS NOT NULL AS sla_tracked,
                               reminder_due_at IS NOT NULL AND first_response_at <= reminder_due_at AS within_sla
                          FROM escalation WHERE chatbot_id = ? AND created_at >= ? AND created_at < ?) e
                 GROUP BY GROUPING SETS ((bucket), ())
                """.formatted(bucket);
        try (PreparedStatement select = prepare(c, sql, chatbotId, from, to); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Figures figures = target(rows, totals, buckets);
                if (figures == null) {
                    continue;
                }
                figures.escalations = rows.getLong("escalations");
                figures.escalatedConversations = rows.getLong("conversations");
                figures.firstResponse = new Durations(rows.getLong("answered"), number(rows, "first_median"),
                        number(rows, "first_p90"));
                figures.resolution = new Durations(rows.getLong("resolved"), number(rows, "resolution_median"),
                        number(rows, "resolution_p90"));
                figures.slaTracked = rows.getLong("sla_tracked");
                figures.withinSla = rows.getLong("within_sla");
            }
        }
    }

    private static void triggers(Connection c, String bucket, String chatbotId, Instant from, Instant to,
                                 Figures totals, Map<Instant, Figures> buckets) throws SQLException {
        String sql = """
                SELECT bucket, trigger, count(*) AS n
                  FROM (SELECT %s AS bucket, coalesce(event -> 'trigger' ->> 'type', 'unknown') AS trigger
                          FROM escalation WHERE chatbot_id = ? AND created_at >= ? AND created_at < ?) e
                 GROUP BY GROUPING SETS ((bucket, trigger), (trigger))
                """.formatted(bucket);
        try (PreparedStatement select = prepare(c, sql, chatbotId, from, to); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Figures figures = target(rows, totals, buckets);
                if (figures != null) {
                    figures.escalationsByTrigger.put(rows.getString("trigger"), rows.getLong("n"));
                }
            }
        }
    }

    private static void deliveries(Connection c, String bucket, String chatbotId, Instant from, Instant to,
                                   Figures totals, Map<Instant, Figures> buckets) throws SQLException {
        String sql = """
                SELECT bucket, channel, status, count(*) AS n
                  FROM (SELECT %s AS bucket, lower(d.channel) AS channel, lower(d.status) AS status
                          FROM delivery d JOIN escalation e ON e.escalation_id = d.escalation_id
                         WHERE e.chatbot_id = ? AND e.created_at >= ? AND e.created_at < ?) x
                 GROUP BY GROUPING SETS ((bucket, channel, status), (channel, status))
                """.formatted(bucket);
        try (PreparedStatement select = prepare(c, sql, chatbotId, from, to); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Figures figures = target(rows, totals, buckets);
                if (figures != null) {
                    figures.deliveries.computeIfAbsent(rows.getString("channel"), k -> new TreeMap<>())
                            .put(rows.getString("status"), rows.getLong("n"));
                }
            }
        }
    }

    private static void activity(Connection c, String bucket, String chatbotId, Instant from, Instant to,
                                 Figures totals, Map<Instant, Figures> buckets) throws SQLException {
        String sql = """
                SELECT bucket, kind, count(*) AS n FROM (
                    SELECT %s AS bucket, 'conversations' AS kind FROM conversation_activity
                     WHERE chatbot_id = ? AND first_seen_at >= ? AND first_seen_at < ?
                    UNION ALL
                    SELECT %s, 'offers' FROM conversation_activity
                     WHERE chatbot_id = ? AND offered_at >= ? AND offered_at < ?
                    UNION ALL
                    SELECT %s, 'declined' FROM conversation_activity
                     WHERE chatbot_id = ? AND declined_at >= ? AND declined_at < ?) a
                 GROUP BY GROUPING SETS ((bucket, kind), (kind))
                """.formatted(bucket.formatted("first_seen_at"), bucket.formatted("offered_at"), bucket.formatted("declined_at"));
        try (PreparedStatement select = prepare(c, sql, chatbotId, from, to, chatbotId, from, to, chatbotId, from, to);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Figures figures = target(rows, totals, buckets);
                if (figures == null) {
                    continue;
                }
                long n = rows.getLong("n");
                switch (rows.getString("kind")) {
                    case "conversations" -> figures.conversations = n;
                    case "offers" -> figures.offers = n;
                    default -> figures.offersDeclined = n;
                }
            }
        }
    }

    /** The totals for the grand-total row (no bucket), else the row's bucket; null for a bucket outside the range. */
    private static Figures target(ResultSet row, Figures totals, Map<Instant, Figures> buckets) throws SQLException {
        Timestamp bucket = row.getTimestamp("bucket");
        if (bucket == null) {
            return totals;
        }
        // date_trunc of a UTC wall-clock time: read it back as UTC
        Instant start = bucket.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return buckets.get(start);
    }

    private static Double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement select = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            select.setObject(i + 1, arg instanceof Instant instant ? Timestamp.from(instant) : arg);
        }
        return select;
    }
}
