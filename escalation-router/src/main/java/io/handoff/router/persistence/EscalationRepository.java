package io.handoff.router.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.json.EventJson;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.DeliveryResult;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Escalations the router has seen and the delivery outcomes reported for them. */
@ApplicationScoped
public class EscalationRepository {

    /** Where an escalation stands in the router. */
    public enum Status { RECEIVED, ROUTED, UNROUTED }

    private final DataSource dataSource;

    public EscalationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the escalation unless it is known, and returns its status. A redelivered event finds its
     * row and the caller decides from the status whether work is left.
     */
    public Status recordReceived(EscalationCreated escalation) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO escalation (escalation_id, chatbot_id, conversation_id, status, event, created_at)
                    VALUES (?, ?, ?, 'RECEIVED', ?::jsonb, ?)
                    ON CONFLICT (escalation_id) DO NOTHING""")) {
                ps.setString(1, escalation.escalationId());
                ps.setString(2, escalation.chatbot().key());
                ps.setString(3, escalation.conversation().key());
                ps.setString(4, EventJson.mapper().writeValueAsString(escalation));
                ps.setTimestamp(5, Timestamp.from(escalation.occurredAt()));
                ps.executeUpdate();
            }
            return status(c, escalation.escalationId()).orElseThrow();
        } catch (SQLException | JsonProcessingException e) {
            throw new PersistenceException("cannot record escalation", e);
        }
    }

    public void markDone(String escalationId, Status status) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE escalation SET status = ?, routed_at = ? WHERE escalation_id = ?")) {
            ps.setString(1, status.name());
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, escalationId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot update escalation", e);
        }
    }

    public Optional<Status> status(String escalationId) {
        try (Connection c = dataSource.getConnection()) {
            return status(c, escalationId);
        } catch (SQLException e) {
            throw new PersistenceException("cannot read escalation", e);
        }
    }

    /** Keeps the latest outcome per delivery; an older attempt never overwrites a newer one. */
    public void recordDelivery(DeliveryResult result) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO delivery (delivery_id, escalation_id, channel, target, status, attempt, detail, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (delivery_id) DO UPDATE
                        SET status = EXCLUDED.status, attempt = EXCLUDED.attempt,
                            detail = EXCLUDED.detail, updated_at = EXCLUDED.updated_at
                      WHERE delivery.attempt <= EXCLUDED.attempt""")) {
            ps.setString(1, result.deliveryId());
            ps.setString(2, result.escalationId());
            ps.setString(3, result.channel().name());
            ps.setString(4, result.target());
            ps.setString(5, result.status().name());
            ps.setInt(6, result.attempt());
            ps.setString(7, result.detail());
            ps.setTimestamp(8, Timestamp.from(result.occurredAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot record delivery", e);
        }
    }

    private static Optional<Status> status(Connection c, String escalationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM escalation WHERE escalation_id = ?")) {
            ps.setString(1, escalationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Status.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }
}
