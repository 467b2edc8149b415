package io.handoff.webhook.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The delivery log in PostgreSQL: outcomes, the retry schedule, and failures to replay. */
@ApplicationScoped
public class DeliveryLog {

    private static final String COLUMNS =
            "delivery_id, escalation_id, url, command, status, attempts, next_attempt_at, last_error, updated_at";

    private final DataSource dataSource;

    public DeliveryLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<DeliveryRecord> find(String deliveryId) {
        List<DeliveryRecord> found = query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE delivery_id = ?", deliveryId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<DeliveryRecord> failed(int limit) {
        return query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE status = 'FAILED' ORDER BY updated_at DESC LIMIT " + limit);
    }

    /** Records the outcome of an attempt, creating the row on the first one. */
    public void record(String deliveryId, String escalationId, String url, String command, DeliveryRecord.Status status,
                       int attempts, Instant nextAttemptAt, String lastError) {
        Timestamp now = Timestamp.from(Instant.now());
        update("""
                INSERT INTO webhook_delivery (delivery_id, escalation_id, url, command, status, attempts, next_attempt_at,
                                              last_error, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (delivery_id) DO UPDATE
                   SET status = EXCLUDED.status, attempts = EXCLUDED.attempts,
                       next_attempt_at = EXCLUDED.next_attempt_at, last_error = EXCLUDED.last_error,
                       updated_at = EXCLUDED.updated_at""",
                deliveryId, escalationId, url, command, status.name(), attempts,
                nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), lastError, now, now);
    }

    /**
     * Claims up to {@code limit} due retries for this instance: their next attempt time moves
     * {@code lease} ahead, so another instance does not take them, and if this one dies they become due
     * again once the lease runs out. {@code SKIP LOCKED} lets several instances claim side by side.
     */
    public List<DeliveryRecord> claimDue(int limit, Duration lease) {
        return query("""
                UPDATE webhook_delivery SET next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now()
                 WHERE delivery_id IN (SELECT delivery_id FROM webhook_delivery
                                        WHERE status = 'RETRY_SCHEDULED' AND next_attempt_at <= now()
                                        ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING """ + " " + COLUMNS, lease.toMillis(), limit);
    }

    /** Schedules a failed delivery again from its first retry; true when it was failed. */
    public boolean replay(String deliveryId) {
        return update("""
                UPDATE webhook_delivery SET status = 'RETRY_SCHEDULED', attempts = 0, next_attempt_at = now(), updated_at = now()
                 WHERE delivery_id = ? AND status = 'FAILED'""", deliveryId) > 0;
    }

    public int replayAllFailed() {
        return update("""
                UPDATE webhook_delivery SET status = 'RETRY_SCHEDULED', attempts = 0, next_attempt_at = now(), updated_at = now()
                 WHERE status = 'FAILED'""");
    }

    private List<DeliveryRecord> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            List<DeliveryRecord> rows = new ArrayList<>();
            while (rs.next()) {
                Timestamp next = rs.getTimestamp("next_attempt_at");
                rows.add(new DeliveryRecord(rs.getString("delivery_id"), rs.getString("escalation_id"), rs.getString("url"),
                        rs.getString("command"), DeliveryRecord.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        next == null ? null : next.toInstant(), rs.getString("last_error"),
                        rs.getTimestamp("updated_at").toInstant()));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("delivery log unavailable", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("delivery log unavailable", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
