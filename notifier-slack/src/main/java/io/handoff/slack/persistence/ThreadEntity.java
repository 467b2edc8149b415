package io.handoff.slack.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The Slack message posted for an escalation; its thread receives later events and agents' replies. */
@Entity
@Table(name = "slack_thread")
public class ThreadEntity extends PanacheEntityBase {

    @Id
    @Column(name = "escalation_id")
    public String escalationId;

    @Column(name = "chatbot_id", nullable = false)
    public String chatbotId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "channel_id", nullable = false)
    public String channelId;

    @Column(name = "thread_ts", nullable = false)
    public String threadTs;

    /** The {@code notify.slack} command the message was drawn from, as JSON. */
    @Column(name = "command", nullable = false)
    public String command;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "status_by")
    public String statusBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static ThreadEntity of(SlackThread thread) {
        ThreadEntity entity = new ThreadEntity();
        entity.escalationId = thread.escalationId();
        entity.chatbotId = thread.chatbotId();
        entity.conversationId = thread.conversationId();
        entity.teamId = thread.teamId();
        entity.channelId = thread.channelId();
        entity.threadTs = thread.threadTs();
        entity.command = thread.command();
        entity.status = thread.status();
        entity.statusBy = thread.statusBy();
        entity.createdAt = thread.createdAt();
        return entity;
    }

    SlackThread toThread() {
        return new SlackThread(escalationId, chatbotId, conversationId, teamId, channelId, threadTs, command, status,
                statusBy, createdAt);
    }
}
