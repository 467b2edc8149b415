package io.handoff.router.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.handoff.events.json.EventJson;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.settings.EmailSettings;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    /** An escalation as the router recorded it: where it stands and whom it chose to email. */
    public record Received(Status status, List<String> emailRecipients) {
    }

    /**
     * Records the escalation unless it is known, choosing its email recipients at the same time: all
     * of them, or with round robin the next one in the chatbot's rotation. Recording and advancing the
     * rotation happen in one transaction, and the cursor row lock orders concurrent replicas, so the
     * rotation stays fair across them. A redelivered escalation finds its row and gets the recipients
     * chosen the first time; the rotation does not move.
     */
    public Received recordReceived(EscalationCreated escalation, EmailSettings email) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean inserted;
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO escalation (escalation_id, chatbot_id, conversation_id, status, event, created_at)
                        VALUES (?, ?, ?, 'RECEIVED', ?::jsonb, ?)
                        ON CONFLICT (escalation_id) DO NOTHING""")) {
                    ps.setString(1, escalation.escalationId());
                    ps.setString(2, escalation.chatbot().key());
                    ps.setString(3, escalation.conversation().key());
                    ps.setString(4, EventJson.mapper().writeValueAsString(escalation));
                    ps.setTimestamp(5, Timestamp.from(escalation.occurredAt()));
                    inserted = ps.executeUpdate() == 1;
                }
                if (inserted) {
                    List<String> chosen = chooseRecipients(c, escalation.chatbot().key(), email);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE escalation SET email_recipients = ?::jsonb WHERE escalation_id = ?")) {
                        ps.setString(1, EventJson.mapper().writeValueAsString(chosen));
                        ps.setString(2, escalation.escalationId());
                        ps.executeUpdate();
                    }
                    c.commit();
                    return new Received(Status.RECEIVED, chosen);
                }
                Received known = read(c, escalation.escalationId()).orElseThrow();
                c.commit();
                return known;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new PersistenceException("cannot record escalation", e);
        }
    }

    private static List<String> chooseRecipients(Connection c, String chatbotId, EmailSettings email) throws SQLException {
        List<String> all = email == null || !email.enabled() ? List.of() : email.recipients();
        if (all.isEmpty() || !email.roundRobin()) {
            return all;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO round_robin_cursor (chatbot_id, position) VALUES (?, 1)
                ON CONFLICT (chatbot_id) DO UPDATE SET position = round_robin_cursor.position + 1
                RETURNING position""")) {
            ps.setString(1, chatbotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long taken = rs.getLong(1) - 1;
                return List.of(all.get((int) (taken % all.size())));
            }
        }
    }

    private static Optional<Received> read(Connection c, String escalationId) throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, email_recipients FROM escalation WHERE escalation_id = ?")) {
            ps.setString(1, escalationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String recipients = rs.getString(2);
                List<String> chosen = recipients == null ? List.of()
                        : EventJson.mapper().readValue(recipients, new TypeReference<List<String>>() { });
                return Optional.of(new Received(Status.valueOf(rs.getString(1)), chosen));
            }
        }
    }

    /**
     * Takes the recorded escalation for routing: locks its row until the returned claim is closed, and
     * reads where it stands once the lock is held. A second router given the same escalation at the same
     * time (a redelivery after its partition moved while the first was still routing) waits here, then
     * finds it handled (routed or not routed) and leaves it. If the holder dies, or fails to send and
     * releases the claim unmarked, the waiting router routes the escalation itself: the database drops a
     * dead process's lock with its connection, and a holder that vanished without closing its connection
     * loses its session after {@code idle_in_transaction_session_timeout} (application.properties).
     *
     * <p>Only claims and updates of the same escalation wait for the lock (an agent's first answer, the
     * resolution, a reminder marked sent), for as long as routing takes; the reminder scheduler skips
     * locked rows.
     */
    public Claim claim(String escalationId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            Status status;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status FROM escalation WHERE escalation_id = ? FOR NO KEY UPDATE")) {
                ps.setString(1, escalationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new PersistenceException("escalation " + escalationId + " is not recorded", null);
                    }
                    status = Status.valueOf(rs.getString(1));
                }
            }
            return new Claim(c, escalationId, status);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof RuntimeException r ? r : new PersistenceException("cannot claim escalation", e);
        }
    }

    /**
     * An escalation held for routing. Marking it routed or not routed commits and releases it; closing it
     * without a mark releases it unchanged.
     */
    public final class Claim implements AutoCloseable {

        private final Connection connection;
        private final String escalationId;
        private final Status status;

        private Claim(Connection connection, String escalationId, Status status) {
            this.connection = connection;
            this.escalationId = escalationId;
            this.status = status;
        }

        /** Where the escalation stood when the claim was taken. */
        public Status status() {
            return status;
        }

        /** Marks the escalation not routed, with the reason. */
        public void markUnrouted(String note) {
            finish(UNROUTED, Timestamp.from(Instant.now()), note, escalationId);
        }

        /**
         * Marks the escalation routed and schedules its follow-up. A redelivered escalation that gets here
         * again (it was recorded but not yet marked) schedules the same reminder.
         */
        public void markRouted(Routing routing) {
            try {
                finish(ROUTED, Timestamp.from(Instant.now()), routing.note(), timestamp(routing.closedUntil()),
                        timestamp(routing.reminderDueAt()),
                        routing.reminderDueAt() == null ? null
                                : EventJson.mapper().writeValueAsString(routing.reminderRecipients()),
                        routing.slackTeamId(), routing.slackChannel(), escalationId);
            } catch (JsonProcessingException e) {
                throw new PersistenceException("cannot write reminder recipients", e);
            }
        }

        private void finish(String sql, Object... args) {
            Sql.update(connection, "update escalation", sql, args);
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new PersistenceException("cannot update escalation", e);
            }
        }

        /** Releases the escalation; a claim closed without a mark changes nothing. */
        @Override
        public void close() {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try (c) {
            // nothing is left to roll back after a mark; without one, this ends the claim's transaction
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the database ends its transaction and drops its lock itself
        }
    }

    private static final String UNROUTED =
            "UPDATE escalation SET status = 'UNROUTED', routed_at = ?, note = ? WHERE escalation_id = ?";

    private static final String ROUTED = """
            UPDATE escalation SET status = 'ROUTED', routed_at = ?, note = ?, closed_until = ?,
                                  reminder_due_at = ?, reminder_recipients = ?::jsonb,
                                  slack_team_id = ?, slack_channel = ?
             WHERE escalation_id = ?""";

    /**
     * How an escalation was routed.
     *
     * @param closedUntil        when the team opens again, if it was routed outside business hours
     * @param reminderDueAt      when to remind if nobody has answered, or null for no reminder
     * @param reminderRecipients whom to remind by email (may be empty when the reminder goes to Slack only)
     * @param slackTeamId        the Slack workspace it was posted to, or null when it was not posted on Slack
     * @param slackChannel       the Slack channel it was posted to, or null
     * @param note               an enabled channel that was left out, and why, or null
     */
    public record Routing(Instant closedUntil, Instant reminderDueAt, List<String> reminderRecipients,
                          String slackTeamId, String slackChannel, String note) {
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The chatbot an escalation belongs to, when the router has it. */
    public Optional<String> chatbotOf(String escalationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT chatbot_id FROM escalation WHERE escalation_id = ?")) {
            ps.setString(1, escalationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read escalation", e);
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
        Sql.update(dataSource, "record delivery", """
                INSERT INTO delivery (delivery_id, escalation_id, channel, target, status, attempt, detail, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (delivery_id) DO UPDATE
                   SET status = EXCLUDED.status, attempt = EXCLUDED.attempt,
                       detail = EXCLUDED.detail, updated_at = EXCLUDED.updated_at
                 WHERE delivery.attempt <= EXCLUDED.attempt""",
                result.deliveryId(), result.escalationId(), result.channel().name(), result.target(),
                result.status().name(), result.attempt(), result.detail(), Timestamp.from(result.occurredAt()));
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
