package io.handoff.slack.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    /**
     * Records the workspace and points the chatbot at it with the installation's bot token, atomically.
     * Only this chatbot's connection changes: others connected to the same workspace keep their token.
     */
    public void connect(Installation installation, Connection connection) {
        Transactions.callRacingInserts("store the Slack connection of chatbot " + connection.chatbotId(), () -> {
            InstallationEntity team = InstallationEntity.findById(installation.teamId());
            if (team == null) {
                team = new InstallationEntity();
                team.teamId = installation.teamId();
                team.installedAt = installation.installedAt();
                team.teamName = installation.teamName();
                team.persistAndFlush();
            } else {
                team.teamName = installation.teamName();
            }
            ConnectionEntity stored = ConnectionEntity.findById(connection.chatbotId());
            boolean isNew = stored == null;
            if (isNew) {
                stored = new ConnectionEntity();
                stored.chatbotId = connection.chatbotId();
            }
            stored.installation = team;
            stored.channelId = connection.channelId();
            stored.channelName = connection.channelName();
            stored.connectedAt = connection.connectedAt();
            stored.botToken = installation.botToken();
            stored.botUserId = installation.botUserId();
            if (isNew) {
                stored.persistAndFlush();
            }
            return null;
        });
    }

    public Optional<Connection> findConnection(String chatbotId) {
        return Transactions.call("read the Slack connection of chatbot " + chatbotId,
                () -> ConnectionEntity.<ConnectionEntity>findByIdOptional(chatbotId).map(ConnectionEntity::toConnection));
    }

    public List<Connection> findAllConnections() {
        return Transactions.call("read the Slack connections", () -> ConnectionEntity
                .<ConnectionEntity>find("from ConnectionEntity c join fetch c.installation order by c.chatbotId")
                .stream().map(ConnectionEntity::toConnection).toList());
    }

    /** True when the chatbot had a connection. The installation stays: other chatbots may use it. */
    public boolean disconnect(String chatbotId) {
        return Transactions.call("remove the Slack connection of chatbot " + chatbotId,
                () -> ConnectionEntity.deleteById(chatbotId));
    }

    /**
     * What the chatbot posts with: its connection's workspace and bot token. Empty when it is not
     * connected, and when {@code teamId} is given and the chatbot is connected to another workspace.
     */
    public Optional<Installation> findCredentials(String chatbotId, String teamId) {
        return Transactions.call("read the Slack credentials of chatbot " + chatbotId,
                () -> ConnectionEntity.<ConnectionEntity>findByIdOptional(chatbotId).map(ConnectionEntity::toCredentials))
                .filter(found -> teamId == null || teamId.isBlank() || found.teamId().equals(teamId));
    }

    /** Stores a new install state, and drops those that have expired. */
    public void saveInstallState(String state, String chatbotId, Instant expiresAt) {
        Transactions.call("store an install link", () -> {
            InstallStateEntity.delete("expiresAt < ?1", Instant.now());
            InstallStateEntity issued = new InstallStateEntity();
            issued.state = state;
            issued.chatbotId = chatbotId;
            issued.expiresAt = expiresAt;
            issued.persist();
            return null;
        });
    }

    /** The chatbot an install state was issued for, when it exists and has not expired. */
    public Optional<String> findInstallState(String state, Instant now) {
        return Transactions.call("read an install link", () -> InstallStateEntity
                .<InstallStateEntity>find("state = ?1 and expiresAt >= ?2", state, now)
                .firstResultOptional().map(issued -> issued.chatbotId));
    }

    /**
     * Uses up a state: the chatbot it was issued for, once; empty when unknown, used or expired. The row is
     * locked while it is used, so two callbacks with the same state cannot both have it.
     */
    public Optional<String> consumeInstallState(String state, Instant now) {
        return Transactions.call("use an install link", () -> {
            InstallStateEntity issued = InstallStateEntity.findById(state, LockModeType.PESSIMISTIC_WRITE);
            if (issued == null || issued.expiresAt.isBefore(now)) {
                return Optional.<String>empty();
            }
            issued.delete();
            return Optional.of(issued.chatbotId);
        });
    }
}
