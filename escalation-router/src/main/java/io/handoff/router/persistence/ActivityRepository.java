package io.handoff.router.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code conversation_activity} table: each conversation once, when it was first seen, and whether
 * the visitor was offered a person and declined. Every write is idempotent, so redelivered events
 * change nothing; the earliest time wins.
 *
 * <p>A conversation's messages come one after another to the same instance (they share a partition),
 * so the conversations this instance has already recorded are remembered, up to
 * {@value #REMEMBERED} of the most recent, and their further messages cost no database write.
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

    /**
     * Records the conversation if this instance has not yet. Messages of one conversation arrive in
     * order, so the first one this instance sees carries the earliest time it can know of.
     */
    public void seen(String chatbotId, String conversationId, Instant at) {
        if (recorded.contains(conversationId)) {
            return;
        }
        Sql.update(dataSource, "record conversation", """
                INSERT INTO conversation_activity (conversation_id, chatbot_id, first_seen_at) VALUES (?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE
                   SET first_seen_at = least(conversation_activity.first_seen_at, EXCLUDED.first_seen_at)""",
                conversationId, chatbotId, Timestamp.from(at));
        recorded.add(conversationId);
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
