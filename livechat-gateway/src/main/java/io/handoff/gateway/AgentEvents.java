package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The {@code agent_event} log: everything agents are told about conversations, numbered by {@code seq}.
 *
 * <p>An event is written in the same transaction as the change it reports, under one advisory lock,
 * so events commit in {@code seq} order on every instance: a reader that has seen {@code seq} n has
 * seen every event below it, and can follow the log with "everything after n".
 */
@ApplicationScoped
public class AgentEvents {

    /** The advisory lock that orders writers of the log; any constant shared by all instances. */
    private static final long LOG_LOCK = 0x48616e646f6666L;

    /** One stored event; {@code frame} is what agents get, without its {@code seq}. */
    public record Stored(long seq, String chatbotId, String conversationId, String type, String ownerId, ObjectNode frame) {

        /** The frame as sent, with its {@code seq}. */
        public String toJson() {
            ObjectNode copy = frame.deepCopy();
            ObjectNode sent = EventJson.mapper().createObjectNode();
            sent.put("type", type);
            sent.put("seq", seq);
            sent.put("conversationId", conversationId);
            // conversation ids are unique only within a chatbot: every frame says whose conversation it is
            sent.put("chatbotId", chatbotId);
            copy.remove("type");
            sent.setAll(copy);
            try {
                return EventJson.mapper().writeValueAsString(sent);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("agent event " + seq + " cannot be written as JSON", e);
            }
        }

        /** Message frames reach the owner and watchers; state changes reach everyone serving the chatbot. */
        public boolean isMessage() {
            return "message".equals(type);
        }
    }

    private final DataSource dataSource;

    public AgentEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends an event within the caller's transaction, which must commit soon: it holds the log's lock. */
    static long append(Connection c, String chatbotId, String conversationId, String ownerId, ObjectNode frame)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOG_LOCK);
            lock.execute();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO agent_event (chatbot_id, conversation_id, type, owner_id, frame)
                VALUES (?, ?, ?, ?, ?::jsonb) RETURNING seq
                """)) {
            insert.setString(1, chatbotId);
            insert.setString(2, conversationId);
            insert.setString(3, frame.path("type").asText());
            insert.setString(4, ownerId);
            insert.setString(5, EventJson.mapper().writeValueAsString(frame));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agent event cannot be written as JSON", e);
        }
    }

    /** The newest seq, or 0 when the log is empty. */
    static long head(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM agent_event");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    public long head() {
        try (Connection c = dataSource.getConnection()) {
            return head(c);
        } catch (SQLException e) {
            throw new SessionStoreException("agent event log not read (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Events with seq in (after, upTo], oldest first, at most {@code limit}. */
    static List<Stored> between(Connection c, long after, long upTo, int limit) throws SQLException {
        List<Stored> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT seq, chatbot_id, conversation_id, type, owner_id, frame::text FROM agent_event
                 WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?
                """)) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new Stored(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), (ObjectNode) EventJson.mapper().readTree(rows.getString(6))));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored agent event is not JSON", e);
        }
        return events;
    }

    /**
     * The newest {@code limit} events with seq in (after, upTo] of the chatbots {@code scope} serves,
     * oldest first. Filtered and bounded in the database (by the index on chatbot and seq), so a
     * reconnect with {@code after=0} reads at most {@code limit} rows of its own chatbots.
     */
    static List<Stored> newestBetween(Connection c, ChatbotScope scope, long after, long upTo, int limit)
            throws SQLException {
        List<Stored> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT seq, chatbot_id, conversation_id, type, owner_id, frame::text FROM agent_event"
                        + " WHERE seq > ? AND seq <= ?" + (scope.all() ? "" : " AND chatbot_id = ANY (?)")
                        + " ORDER BY seq DESC LIMIT ?")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            int next = 3;
            if (!scope.all()) {
                select.setArray(next++, c.createArrayOf("text", scope.chatbots().toArray()));
            }
            select.setInt(next, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new Stored(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), (ObjectNode) EventJson.mapper().readTree(rows.getString(6))));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored agent event is not JSON", e);
        }
        java.util.Collections.reverse(events);
        return events;
    }

    public List<Stored> after(long after, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return between(c, after, Long.MAX_VALUE, limit);
        } catch (SQLException e) {
            throw new SessionStoreException("agent event log not read (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Forgets events older than {@code retention}; returns how many. */
    public int prune(Duration retention) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM agent_event WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new SessionStoreException("old agent events not removed (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
