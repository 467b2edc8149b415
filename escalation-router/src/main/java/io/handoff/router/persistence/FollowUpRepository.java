package io.handoff.router.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
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

/** What happens to an escalation after routing: the SLA reminder, the first response, the resolution. */
@ApplicationScoped
public class FollowUpRepository {

    /**
     * A reminder this replica has claimed and must now send.
     *
     * @param recipients   whom to remind by email; may be empty
     * @param slackTeamId  the Slack workspace the escalation was posted to, or null when it was not posted on Slack
     * @param slackChannel the Slack channel it was posted to, or null
     */
    public record DueReminder(EscalationCreated escalation, List<String> recipients, String slackTeamId,
                              String slackChannel) {
    }

    private final DataSource dataSource;

    public FollowUpRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code limit} reminders that are due and unanswered. The claim is a lease: the row
     * is hidden from other replicas ({@code SKIP LOCKED} lets them claim others side by side) until it
     * runs out, so each reminder is sent by one replica; if that replica dies before marking it sent,
     * another sends it once the lease ends, with the same delivery id, which the notifier recognises.
     */
    public List<DueReminder> claimDueReminders(int limit, Duration lease) {
        String sql = """
                UPDATE escalation SET reminder_claimed_until = now() + (? * interval '1 millisecond')
                 WHERE escalation_id IN (SELECT escalation_id FROM escalation
                                            WHERE reminder_due_at <= now() AND reminder_sent_at IS NULL
                                              AND first_response_at IS NULL AND resolved_at IS NULL
                                              AND (reminder_claimed_until IS NULL OR reminder_claimed_until < now())
                                            ORDER BY reminder_due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING event, reminder_recipients, slack_team_id, slack_channel""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, lease.toMillis());
            ps.setInt(2, limit);
            List<DueReminder> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String recipients = rs.getString(2);
                    due.add(new DueReminder(EventJson.mapper().readValue(rs.getString(1), EscalationCreated.class),
                            recipients == null ? List.of()
                                    : EventJson.mapper().readValue(recipients, new TypeReference<List<String>>() { }),
                            rs.getString(3), rs.getString(4)));
                }
            }
            return due;
        } catch (SQLException | JsonProcessingException e) {
            throw new PersistenceException("cannot claim due reminders", e);
        }
    }

    /**
     * @param emailDeliveryId the reminder email's delivery id, or null when no email was sent
     * @param slackDeliveryId the Slack reminder's delivery id, or null when nothing was posted on Slack
     */
    public void markReminderSent(String escalationId, String emailDeliveryId, String slackDeliveryId, Instant at) {
        update("""
                UPDATE escalation SET reminder_sent_at = ?, reminder_delivery_id = ?, reminder_slack_delivery_id = ?
                 WHERE escalation_id = ?""",
                Timestamp.from(at), emailDeliveryId, slackDeliveryId, escalationId);
    }

    /**
     * An agent took the conversation over. The first response counts once; a proactive take-over
     * without an escalation id is matched to the conversation's open escalation, if any.
     *
     * @return when each escalation this answered for the first time was created (empty when it was
     *         answered before, or none matched)
     */
    public List<Instant> recordResponse(String chatbotId, String escalationId, String conversationId, String agent,
                                        Instant at) {
        // conversation ids are unique only within a chatbot: every match is by the chatbot too
        if (escalationId != null) {
            return updateReturningCreated("""
                    UPDATE escalation SET first_response_at = ?, responded_by = ?
                     WHERE escalation_id = ? AND chatbot_id = ? AND first_response_at IS NULL
                    RETURNING created_at""",
                    Timestamp.from(at), agent, escalationId, chatbotId);
        }
        return updateReturningCreated("""
                UPDATE escalation SET first_response_at = ?, responded_by = ?
                 WHERE chatbot_id = ? AND conversation_id = ? AND first_response_at IS NULL AND resolved_at IS NULL
                RETURNING created_at""",
                Timestamp.from(at), agent, chatbotId, conversationId);
    }

    /**
     * Live chat ended: every answered, unresolved escalation of the conversation is resolved.
     *
     * @return when each escalation this resolved was created
     */
    public List<Instant> recordResolution(String chatbotId, String conversationId, Instant at) {
        return updateReturningCreated("""
                UPDATE escalation SET resolved_at = ?
                 WHERE chatbot_id = ? AND conversation_id = ? AND first_response_at IS NOT NULL AND resolved_at IS NULL
                RETURNING created_at""",
                Timestamp.from(at), chatbotId, conversationId);
    }

    private List<Instant> updateReturningCreated(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Instant> created = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getTimestamp(1).toInstant());
                }
            }
            return created;
        } catch (SQLException e) {
            throw new PersistenceException("cannot update escalation", e);
        }
    }

    private void update(String sql, Object... args) {
        Sql.update(dataSource, "update escalation", sql, args);
    }
}
