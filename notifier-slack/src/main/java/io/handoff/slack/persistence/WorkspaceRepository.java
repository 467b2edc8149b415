package io.handoff.slack.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Workspaces the app is known in, chatbots' connections and OAuth states. The bot token belongs to the
 * connection: each chatbot posts with the token it was connected with, and no other chatbot's connect
 * can change it.
 */
@ApplicationScoped
public class WorkspaceRepository {

    private static final String CONNECTION_COLUMNS =
            "c.chatbot_id, c.team_id, i.team_name, c.channel_id, c.channel_name, c.connected_at";

    private final Jdbc jdbc;

    public WorkspaceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Records the workspace and points the chatbot at it with the installation's bot token, atomically.
     * Only this chatbot's connection changes: others connected to the same workspace keep their token.
     */
    public void connect(Installation installation, Connection connection) {
        jdbc.inTransaction("store the Slack connection of chatbot " + connection.chatbotId(), List.of(
                new Jdbc.Statement("""
                        INSERT INTO slack_installation (team_id, team_name, installed_at)
                        VALUES (?, ?, ?)
                        ON CONFLICT (team_id) DO UPDATE SET team_name = EXCLUDED.team_name
                        """, installation.teamId(), installation.teamName(), installation.installedAt()),
                new Jdbc.Statement("""
                        INSERT INTO slack_connection (chatbot_id, team_id, channel_id, channel_name, connected_at,
                                                      bot_token, bot_user_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (chatbot_id) DO UPDATE SET team_id = EXCLUDED.team_id,
                            channel_id = EXCLUDED.channel_id, channel_name = EXCLUDED.channel_name,
                            connected_at = EXCLUDED.connected_at, bot_token = EXCLUDED.bot_token,
                            bot_user_id = EXCLUDED.bot_user_id
                        """, connection.chatbotId(), connection.teamId(), connection.channelId(),
                        connection.channelName(), connection.connectedAt(), installation.botToken(),
                        installation.botUserId())));
    }

    public Optional<Connection> findConnection(String chatbotId) {
        return jdbc.query("read the Slack connection of chatbot " + chatbotId, WorkspaceRepository::connection,
                "SELECT " + CONNECTION_COLUMNS + " FROM slack_connection c JOIN slack_installation i USING (team_id)"
                        + " WHERE c.chatbot_id = ?", chatbotId).stream().findFirst();
    }

    public List<Connection> findAllConnections() {
        return jdbc.query("read the Slack connections", WorkspaceRepository::connection,
                "SELECT " + CONNECTION_COLUMNS + " FROM slack_connection c JOIN slack_installation i USING (team_id)"
                        + " ORDER BY c.chatbot_id");
    }

    /** True when the chatbot had a connection. The installation stays: other chatbots may use it. */
    public boolean disconnect(String chatbotId) {
        return jdbc.update("remove the Slack connection of chatbot " + chatbotId,
                "DELETE FROM slack_connection WHERE chatbot_id = ?", chatbotId) > 0;
    }

    /**
     * What the chatbot posts with: its connection's workspace and bot token. Empty when it is not
     * connected, and when {@code teamId} is given and the chatbot is connected to another workspace.
     */
    public Optional<Installation> findCredentials(String chatbotId, String teamId) {
        return jdbc.query("read the Slack credentials of chatbot " + chatbotId, rs -> new Installation(
                        rs.getString("team_id"), rs.getString("team_name"), rs.getString("bot_user_id"),
                        rs.getString("bot_token"), Jdbc.instant(rs, "connected_at")),
                "SELECT c.team_id, i.team_name, c.bot_user_id, c.bot_token, c.connected_at"
                        + " FROM slack_connection c JOIN slack_installation i USING (team_id) WHERE c.chatbot_id = ?",
                chatbotId).stream()
                .filter(found -> teamId == null || teamId.isBlank() || found.teamId().equals(teamId))
                .findFirst();
    }

    public void saveInstallState(String state, String chatbotId, Instant expiresAt) {
        jdbc.update("store an install link", "DELETE FROM slack_install_state WHERE expires_at < ?", Instant.now());
        jdbc.update("store an install link",
                "INSERT INTO slack_install_state (state, chatbot_id, expires_at) VALUES (?, ?, ?)",
                state, chatbotId, expiresAt);
    }

    /** The chatbot an install state was issued for, when it exists and has not expired. */
    public Optional<String> findInstallState(String state, Instant now) {
        return jdbc.query("read an install link", rs -> rs.getString(1),
                "SELECT chatbot_id FROM slack_install_state WHERE state = ? AND expires_at >= ?", state, now)
                .stream().findFirst();
    }

    /** Uses up a state: the chatbot it was issued for, once; empty when unknown, used or expired. */
    public Optional<String> consumeInstallState(String state, Instant now) {
        return jdbc.query("use an install link", rs -> rs.getString(1),
                "DELETE FROM slack_install_state WHERE state = ? AND expires_at >= ? RETURNING chatbot_id",
                state, now).stream().findFirst();
    }

    private static Connection connection(ResultSet rs) throws SQLException {
        return new Connection(rs.getString("chatbot_id"), rs.getString("team_id"), rs.getString("team_name"),
                rs.getString("channel_id"), rs.getString("channel_name"), Jdbc.instant(rs, "connected_at"));
    }
}
