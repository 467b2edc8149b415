package io.handoff.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code conversation_activity} table: each conversation once, when it was first seen, and whether
 * the visitor was offered a person and declined. Every write is idempotent, so redelivered events
 * change nothing; the earliest time wins.
 *
 * <p>A conversation's messages come one after another to the same instance (they share a partition),
 * so the conversations this instance has already recorded are remembered, up to
 * {@value #REMEMBERED} of the most recent, and their further messages cost no database write. The new
 * conversations of a batch of events are written in one statement.
 */
@ApplicationScoped
public class ActivityRepository {

    static final int REMEMBERED = 100_000;

    private final DataSource dataSource;
    private final Set<String> recorded = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public ActivityRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A conversation's message: the chatbot, the conversation and when it was sent. */
    public record Seen(String chatbotId, String conversationId, Instant at) {
    }

    /**
     * Records, in one statement, the conversations of these messages that this instance has not recorded
     * yet. Messages of one conversation arrive in order, so the first one this instance sees carries the
     * earliest time it can know of.
     */
    public void seen(List<Seen> messages) {
        Map<String, Seen> firsts = new LinkedHashMap<>();
        for (Seen message : messages) {
            String key = key(message.chatbotId(), message.conversationId());
            if (!recorded.contains(key)) {
                firsts.putIfAbsent(key, message);
            }
        }
        if (firsts.isEmpty()) {
            return;
        }
        int n = firsts.size();
        String[] conversations = new String[n];
        String[] chatbots = new String[n];
        Timestamp[] times = new Timestamp[n];
        int i = 0;
        for (Seen first : firsts.values()) {
            conversations[i] = first.conversationId();
            chatbots[i] = first.chatbotId();
            times[i] = Timestamp.from(first.at());
            i++;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO conversation_activity (conversation_id, chatbot_id, first_seen_at)
                SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT (chatbot_id, conversation_id) DO UPDATE
                   SET first_seen_at = least(conversation_activity.first_seen_at, EXCLUDED.first_seen_at)""")) {
            insert.setArray(1, c.createArrayOf("text", conversations));
            insert.setArray(2, c.createArrayOf("text", chatbots));
            insert.setArray(3, c.createArrayOf("timestamptz", times));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot record " + n + " conversation(s), the first " + conversations[0], e);
        }
        recorded.addAll(firsts.keySet());
    }

    /** Conversation ids are unique only within a chatbot: the pair is the conversation. */
    private static String key(String chatbotId, String conversationId) {
        return chatbotId.length() + ":" + chatbotId + "|" + conversationId;
    }

    public void offered(String chatbotId, String conversationId, Instant at) {
        mark("offered_at", chatbotId, conversationId, at);
    }

    public void declined(String chatbotId, String conversationId, Instant at) {
        mark("declined_at", chatbotId, conversationId, at);
    }

    private void mark(String column, String chatbotId, String conversationId, Instant at) {
        Sql.update(dataSource, "record " + column, """
                INSERT INTO conversation_activity (conversation_id, chatbot_id, first_seen_at, %1$s) VALUES (?, ?, ?, ?)
                ON CONFLICT (chatbot_id, conversation_id) DO UPDATE
                   SET %1$s = least(coalesce(conversation_activity.%1$s, EXCLUDED.%1$s), EXCLUDED.%1$s)""".formatted(column),
                conversationId, chatbotId, Timestamp.from(at), Timestamp.from(at));
    }
}
