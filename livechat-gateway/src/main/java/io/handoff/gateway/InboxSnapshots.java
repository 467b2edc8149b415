package io.handoff.gateway;

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

/**
 * What a connecting agent starts from, read from one snapshot of the database so that its parts agree:
 * the newest event, the inbox (the open conversations of the agent's chatbots, and those with the bot
 * that were active lately), and the events missed since {@code after}.
 *
 * <p>Every part is filtered by the agent's chatbots and bounded in the database, so one agent's
 * reconnect reads only what that agent may see, and at most a fixed number of rows, however many
 * tenants the gateway serves.
 */
@ApplicationScoped
public class InboxSnapshots {

    /**
     * @param missed          the missed events, oldest first
     * @param missedTruncated more events were missed than are sent; the oldest were left out
     */
    public record Snapshot(long head, List<Session> inbox, List<AgentEvents.Stored> missed, boolean missedTruncated) {
    }

    private final DataSource dataSource;

    public InboxSnapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot snapshot(ChatbotScope scope, Long after, int botLimit, Duration botWindow, int maxMissed) {
        try (Connection c = dataSource.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                long head = AgentEvents.head(c);
                List<Session> inbox = new ArrayList<>();
                String filter = scope.all() ? "" : " AND chatbot_id = ANY (?)";
                try (PreparedStatement open = c.prepareStatement("SELECT " + Session.COLUMNS
                        + " FROM live_chat_session WHERE state IN ('WAITING', 'LIVE')" + filter
                        + " ORDER BY CASE state WHEN 'WAITING' THEN 0 ELSE 1 END, state_since, conversation_id")) {
                    scoped(c, open, 1, scope);
                    readAll(open, inbox);
                }
                try (PreparedStatement bot = c.prepareStatement("SELECT " + Session.COLUMNS
                        + " FROM live_chat_session WHERE state = 'BOT' AND last_active_at > ?" + filter
                        + " ORDER BY last_active_at DESC LIMIT " + botLimit)) {
                    bot.setTimestamp(1, Timestamp.from(Instant.now().minus(botWindow)));
                    scoped(c, bot, 2, scope);
                    readAll(bot, inbox);
                }
                List<AgentEvents.Stored> missed = after == null ? List.of()
                        : AgentEvents.newestBetween(c, scope, after, head, maxMissed + 1);
                boolean truncated = missed.size() > maxMissed;
                c.commit();
                return new Snapshot(head, inbox, truncated ? missed.subList(1, missed.size()) : missed, truncated);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(true);
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new SessionStoreException("inbox not read (SQL state " + e.getSQLState() + ")", e);
        }
    }

    static void scoped(Connection c, PreparedStatement select, int index, ChatbotScope scope) throws SQLException {
        if (!scope.all()) {
            select.setArray(index, c.createArrayOf("text", scope.chatbots().toArray()));
        }
    }

    private static void readAll(PreparedStatement select, List<Session> into) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                into.add(Session.read(rows));
            }
        }
    }
}
