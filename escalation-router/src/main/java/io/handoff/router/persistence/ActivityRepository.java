package io.handoff.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The {@code conversation_activity} table: each conversation once, when it was first seen, and whether
 * the visitor was offered a person and declined. Every write is idempotent, so redelivered events
 * change nothing; the earliest time wins.
 */
@ApplicationScoped
public class ActivityRepository {

    private final DataSource dataSource;

    public ActivityRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void seen(String chatbotId, String conversationId, Instant at) {
        Sql.update(dataSource, "record conversation", """
                INSERT INTO conversation_activity (conversation_id, chatbot_id, first_seen_at) VALUES (?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE
                   SET first_seen_at = least(conversation_activity.first_seen_at, EXCLUDED.first_seen_at)""",
                conversationId, chatbotId, Timestamp.from(at));
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
                ON CONFLICT (conversation_id) DO UPDATE
                   SET %1$s = least(coalesce(conversation_activity.%1$s, EXCLUDED.%1$s), EXCLUDED.%1$s)""".formatted(column),
                conversationId, chatbotId, Timestamp.from(at), Timestamp.from(at));
    }
}
