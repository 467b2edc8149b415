package io.handoff.slack.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Installations (one per workspace, with its bot token), chatbots' connections and OAuth states. */
@ApplicationScoped
public class WorkspaceRepository {

    private static final String CONNECTION_COLUMNS =
            "c.chatbot_id, c.team_id, i.team_name, c.channel_id, c.channel_name, c.connected_at";

    private final Jdbc jdbc;

    public WorkspaceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Stores the installation (a reinstall replaces the token) and points the chatbot at it, atomically. */
    public void connect(Installation installation, Connection connection) {
        jdbc.inTransaction("store the Slack connection of chatbot " + connection.chatbotId(), List.of(
                new Jdbc.Statement("""
                        INSERT INTO slack_installation (team_id, team_name, bot_user_id, bot_token, installed_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (team_id) DO UPDATE SET team_name = EXCLUDED.team_name,
                            bot_user_id = EXCLUDED.bot_user_id, bot_token = EXCLUDED.bot_token,
                            installed_at = EXCLUDED.installed_at
                        """, installation.teamId(), installation.teamName(), installation.botUserId(),
                        installation.botToken(), installation.installedAt()),
                new Jdbc.Statement("""
                        INSERT INTO slack_connection (chatbot_id, team_id, channel_id, channel_name, connected_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (chatbot_id) DO UPDATE SET team_id = EXCLUDED.team_id,
                            channel_id = EXCLUDED.channel_id, channel_name = EXCLUDED.channel_name,
                            connected_at = EXCLUDED.connected_at
                        """, connection.chatbotId(), connection.teamId(), connection.channelId(),
                        connection.channelName(), connection.connectedAt())));
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

    public Optional<Installation> findInstallation(String teamId) {
        return jdbc.query("read the Slack installation of team " + teamId, rs -> new Installation(
                        rs.getString("team_id"), rs.getString("team_name"), rs.getString("bot_user_id"),
                        rs.getString("bot_token"), Jdbc.instant(rs, "installed_at")),
                "SELECT * FROM slack_installation WHERE team_id = ?", teamId).stream().findFirst();
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
