package io.handoff.slack.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The Slack message of each escalation, found by escalation, by conversation or by Slack's message id. */
@ApplicationScoped
public class ThreadRepository {

    private final Jdbc jdbc;

    public ThreadRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records the first message of an escalation; a second one for the same escalation is ignored. */
    public void save(SlackThread thread) {
        jdbc.update("record the Slack message of escalation " + thread.escalationId(), """
                        INSERT INTO slack_thread (escalation_id, chatbot_id, conversation_id, team_id, channel_id,
                            thread_ts, command, status, status_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (escalation_id) DO NOTHING
                        """, thread.escalationId(), thread.chatbotId(), thread.conversationId(), thread.teamId(),
                thread.channelId(), thread.threadTs(), thread.command(), thread.status(), thread.statusBy(),
                thread.createdAt());
    }

    public Optional<SlackThread> findByEscalation(String escalationId) {
        return jdbc.query("read the Slack message of escalation " + escalationId, ThreadRepository::thread,
                "SELECT * FROM slack_thread WHERE escalation_id = ?", escalationId).stream().findFirst();
    }

    /** The newest escalation message of a conversation. */
    public Optional<SlackThread> findLatest(String chatbotId, String conversationId) {
        return jdbc.query("read the Slack message of conversation " + conversationId, ThreadRepository::thread,
                "SELECT * FROM slack_thread WHERE chatbot_id = ? AND conversation_id = ?"
                        + " ORDER BY created_at DESC LIMIT 1", chatbotId, conversationId).stream().findFirst();
    }

    public Optional<SlackThread> findByMessage(String teamId, String channelId, String threadTs) {
        return jdbc.query("find a Slack thread", ThreadRepository::thread,
                "SELECT * FROM slack_thread WHERE team_id = ? AND channel_id = ? AND thread_ts = ?",
                teamId, channelId, threadTs).stream().findFirst();
    }

    /**
     * Moves the thread to {@code status} unless it is there already or resolved; true when this call
     * made the change, so a redelivered event does not post the same news twice.
     */
    public boolean advance(String escalationId, String status, String by) {
        return jdbc.update("update the Slack message of escalation " + escalationId,
                "UPDATE slack_thread SET status = ?, status_by = ? WHERE escalation_id = ?"
                        + " AND status <> ? AND status <> 'resolved'", status, by, escalationId, status) > 0;
    }

    private static SlackThread thread(ResultSet rs) throws SQLException {
        return new SlackThread(rs.getString("escalation_id"), rs.getString("chatbot_id"),
                rs.getString("conversation_id"), rs.getString("team_id"), rs.getString("channel_id"),
                rs.getString("thread_ts"), rs.getString("command"), rs.getString("status"),
                rs.getString("status_by"), Jdbc.instant(rs, "created_at"));
    }
}
