package io.handoff.router.persistence;

import io.handoff.events.slack.SlackConnection;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * The chatbots' connected Slack workspaces, kept in the shared database so that every router replica
 * sees every connection. A connection is only stored when it is newer than the stored one, so a
 * replayed older record (a new consumer group, a reset offset, notifier-slack publishing again on
 * start) cannot overwrite a newer state.
 */
@ApplicationScoped
public class SlackConnectionRepository {

    private final DataSource dataSource;

    public SlackConnectionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredSlackConnection> find(String chatbotId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT chatbot_id, team_id, team_name, channel_id, channel_name, updated_at
                       FROM slack_connection WHERE chatbot_id = ?""")) {
            ps.setString(1, chatbotId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSlackConnection(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read Slack connection", e);
        }
    }

    /**
     * Stores the connection unless one that occurred at the same time or later is stored already.
     *
     * @return whether it was stored
     */
    public boolean save(SlackConnection connection) {
        return Sql.update(dataSource, "save Slack connection", """
                INSERT INTO slack_connection (chatbot_id, team_id, team_name, channel_id, channel_name, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (chatbot_id) DO UPDATE
                   SET team_id = EXCLUDED.team_id, team_name = EXCLUDED.team_name,
                       channel_id = EXCLUDED.channel_id, channel_name = EXCLUDED.channel_name,
                       updated_at = EXCLUDED.updated_at
                 WHERE slack_connection.updated_at < EXCLUDED.updated_at""",
                connection.chatbotId(), connection.teamId(), connection.teamName(), connection.channelId(),
                connection.channelName(), Timestamp.from(connection.occurredAt())) == 1;
    }

    /**
     * Forgets the chatbot's connection. A removal carries no time of its own, so it is applied as it
     * comes: records of one chatbot arrive in the order they were published, and a later connection
     * is stored again after it.
     *
     * @return whether a connection was removed
     */
    public boolean remove(String chatbotId) {
        return Sql.update(dataSource, "remove Slack connection",
                "DELETE FROM slack_connection WHERE chatbot_id = ?", chatbotId) == 1;
    }
}
