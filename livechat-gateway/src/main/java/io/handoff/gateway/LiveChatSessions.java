package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.json.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code live_chat_session} table: which conversations are waiting for an agent.
 *
 * <p>Kafka delivers at least once, so storing is idempotent on the escalation id: the insert and the
 * re-open are one statement, and it reports whether anything changed, which is what decides whether
 * agents hear about the escalation.
 */
@ApplicationScoped
public class LiveChatSessions {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /*
     * A conversation has at most one open escalation. A new one re-opens a conversation the bot or a
     * closed live chat left, but never one that is WAITING or LIVE. The same escalation delivered
     * again changes nothing, even after the conversation closed, and neither does an escalation older
     * than the one already stored (a late redelivery).
     */
    private static final String OPEN_WAITING = """
            INSERT INTO live_chat_session (conversation_id, chatbot_id, escalation_id, state, escalation)
            VALUES (?, ?, ?, 'WAITING', ?::jsonb)
            ON CONFLICT (conversation_id) DO UPDATE
               SET chatbot_id = EXCLUDED.chatbot_id,
                   escalation_id = EXCLUDED.escalation_id,
                   state = 'WAITING',
                   escalation = EXCLUDED.escalation,
                   agent_id = NULL,
                   updated_at = now()
             WHERE live_chat_session.state IN ('BOT', 'CLOSED')
               AND live_chat_session.escalation_id <> EXCLUDED.escalation_id
               AND (EXCLUDED.escalation ->> 'occurredAt')::timestamptz
                   >= (live_chat_session.escalation ->> 'occurredAt')::timestamptz
            """;

    /* In this version a row changes only when it becomes WAITING, so updated_at is "waiting since". */
    private static final String WAITING = """
            SELECT escalation::text FROM live_chat_session
             WHERE state = 'WAITING'
             ORDER BY updated_at, conversation_id
            """;

    private final DataSource dataSource;

    public LiveChatSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Puts the escalation's conversation in the WAITING state.
     *
     * @return true if the escalation is new here and agents should hear about it; false if it was
     *         already stored or the conversation already has an open escalation
     * @throws InvalidEventException if the escalation id already belongs to another conversation
     */
    public boolean openWaiting(EscalationCreated escalation) throws InvalidEventException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(OPEN_WAITING)) {
            insert.setString(1, escalation.conversation().key());
            insert.setString(2, escalation.chatbot().key());
            insert.setString(3, escalation.escalationId());
            insert.setString(4, EventJson.mapper().writeValueAsString(escalation));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new InvalidEventException("escalationId " + escalation.escalationId()
                        + " already belongs to another conversation");
            }
            throw new SessionStoreException("live-chat session for conversation "
                    + escalation.conversation().key() + " not stored (SQL state " + e.getSQLState() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("escalation " + escalation.escalationId() + " cannot be written as JSON", e);
        }
    }

    /** The escalations of every WAITING conversation, oldest first, as the JSON that was stored. */
    public List<JsonNode> waitingEscalations() {
        List<JsonNode> waiting = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(WAITING);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                waiting.add(EventJson.mapper().readTree(rows.getString(1)));
            }
            return waiting;
        } catch (SQLException e) {
            throw new SessionStoreException("waiting sessions not read (SQL state " + e.getSQLState() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored escalation is not JSON", e);
        }
    }
}
