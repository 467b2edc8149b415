package io.handoff.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The health of each chatbot's webhook endpoint, as the notifier's reports tell it. Every change is one
 * statement, so reports about the same endpoint read on different partitions cannot both count as the
 * moment it turned unhealthy.
 */
@ApplicationScoped
public class WebhookHealthRepository {

    public enum State { FAILING, DISABLED }

    /** An endpoint that is not healthy, since when, and the last failure in words. */
    public record Health(String url, State state, Instant since, String reason) {
    }

    private final DataSource dataSource;

    public WebhookHealthRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Health> find(String chatbotId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT url, state, since, reason FROM webhook_endpoint_health WHERE chatbot_id = ?")) {
            ps.setString(1, chatbotId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Health(rs.getString("url"), State.valueOf(rs.getString("state")),
                                rs.getTimestamp("since").toInstant(), rs.getString("reason")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read webhook health", e);
        }
    }

    /**
     * Puts the endpoint at {@code url} in {@code state}. True only for the report that changed it: an
     * endpoint already in that state (or disabled, when {@code state} is failing) stays as it was.
     * Settings deleted meanwhile leave nothing to mark.
     */
    public boolean mark(String chatbotId, String url, State state, String reason, Instant at) {
        Timestamp now = Timestamp.from(at);
        return Sql.update(dataSource, "mark webhook health", """
                INSERT INTO webhook_endpoint_health (chatbot_id, url, state, since, reason, updated_at)
                SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM chatbot_settings WHERE chatbot_id = ?)
                ON CONFLICT (chatbot_id) DO UPDATE
                   SET url = EXCLUDED.url, state = EXCLUDED.state, since = EXCLUDED.since,
                       reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at
                 WHERE webhook_endpoint_health.url <> EXCLUDED.url
                    OR (webhook_endpoint_health.state = 'FAILING' AND EXCLUDED.state = 'DISABLED')""",
                chatbotId, url, state.name(), now, reason, now, chatbotId) > 0;
    }

    /** A delivery to {@code url} succeeded: a failing endpoint is healthy again (a disabled one stays off). */
    public boolean recovered(String chatbotId, String url) {
        return Sql.update(dataSource, "clear webhook health",
                "DELETE FROM webhook_endpoint_health WHERE chatbot_id = ? AND url = ? AND state = 'FAILING'",
                chatbotId, url) > 0;
    }

    /** The owner changed the endpoint or turned webhooks on again: it starts healthy. */
    public void clear(String chatbotId) {
        Sql.update(dataSource, "clear webhook health", "DELETE FROM webhook_endpoint_health WHERE chatbot_id = ?",
                chatbotId);
    }
}
