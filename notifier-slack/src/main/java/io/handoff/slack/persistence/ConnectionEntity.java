package io.handoff.slack.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A chatbot's connection: the workspace and channel its escalations go to and the bot token it posts with.
 * {@link #toString()} leaves the token out.
 */
@Entity
@Table(name = "slack_connection")
public class ConnectionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "chatbot_id")
    public String chatbotId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "team_id", nullable = false)
    public InstallationEntity installation;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    @Column(name = "channel_name")
    public String channelName;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    @Column(name = "bot_token", nullable = false)
    public String botToken;

    @Column(name = "bot_user_id")
    public String botUserId;

    Connection toConnection() {
        return new Connection(chatbotId, installation.teamId, installation.teamName, channelId, channelName, connectedAt);
    }

    Installation toCredentials() {
        return new Installation(installation.teamId, installation.teamName, botUserId, botToken, connectedAt);
    }

    @Override
    public String toString() {
        return "ConnectionEntity[chatbotId=" + chatbotId + ", teamId=" + (installation == null ? null : installation.teamId)
                + ", channelId=" + channelId + ", botToken=<redacted>]";
    }
}
