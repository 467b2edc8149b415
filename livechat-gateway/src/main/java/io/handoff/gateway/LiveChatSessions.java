package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.AgentRef;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.json.EventJson;
import io.handoff.events.json.InvalidEventException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversations the gateway knows ({@code live_chat_session}), their transcripts, and who owns them.
 *
 * <p>Every change agents must hear about is written in one transaction with its {@link AgentEvents}
 * entry. Claims are one conditional UPDATE: of any number of agents claiming at once, on any number of
 * gateway instances, exactly one changes the row to LIVE.
 *
 * <p>Kafka delivers at least once, so every write is idempotent: escalations on their id, messages on
 * their id within the conversation.
 */
@ApplicationScoped
public class LiveChatSessions {

    /** The most lines since the escalation an agent is sent when opening a conversation: the newest. */
    static final int MAX_TRANSCRIPT_LINES = 1000;

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /*
     * A conversation has at most one open escalation. A new one opens a conversation the bot or a
     * closed live chat left, but never one that is WAITING or LIVE. The same escalation delivered
     * again changes nothing, even after the conversation closed, and neither does an escalation older
     * than the one already stored (a late redelivery).
     */
    private static final String OPEN_WAITING = """
            INSERT INTO live_chat_session (conversation_id, chatbot_id, escalation_id, state, escalation, chatbot,
                                           conversation, last_message, opened_at)
            VALUES (?, ?, ?, 'WAITING', ?::jsonb, ?::jsonb, ?::jsonb, ?, now())
            ON CONFLICT (chatbot_id, conversation_id) DO UPDATE
               SET escalation_id = EXCLUDED.escalation_id,
                   state = 'WAITING',
                   escalation = EXCLUDED.escalation,
                   chatbot = EXCLUDED.chatbot,
                   conversation = EXCLUDED.conversation,
                   last_message = EXCLUDED.last_message,
                   agent_id = NULL,
                   agent_name = NULL,
                   updated_at = now(),
                   state_since = now(),
                   last_active_at = now(),
                   opened_at = now()
             WHERE live_chat_session.state IN ('BOT', 'CLOSED')
               AND live_chat_session.escalation_id IS DISTINCT FROM EXCLUDED.escalation_id
               AND (live_chat_session.escalation IS NULL
                    OR (EXCLUDED.escalation ->> 'occurredAt')::timestamptz
                       >= (live_chat_session.escalation ->> 'occurredAt')::timestamptz)
            RETURNING\s""" + Session.COLUMNS;

    /*
     * Every message keeps the conversation known; one after a closed live chat hands it back to the bot.
     * A conversation with the bot is rewritten at most every few seconds (its last message and activity
     * time are for the inbox), so a busy chatbot does not cost a write per message; then no row comes
     * back. "became_bot" says whether the conversation is new here or just came back to the bot.
     * The conversations of a whole batch of messages go in one statement, one row each (the arrays hold
     * one element per conversation, its last message).
     */
    private static final String TOUCH = """
            INSERT INTO live_chat_session (conversation_id, chatbot_id, state, chatbot, conversation, last_message)
            SELECT m.conversation_id, m.chatbot_id, 'BOT', m.chatbot::jsonb, m.conversation::jsonb, m.last_message
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS m (conversation_id, chatbot_id, chatbot, conversation, last_message)
            ON CONFLICT (chatbot_id, conversation_id) DO UPDATE
               SET last_message = EXCLUDED.last_message,
                   last_active_at = now(),
                   state = CASE WHEN live_chat_session.state = 'CLOSED' THEN 'BOT' ELSE live_chat_session.state END,
                   state_since = CASE WHEN live_chat_session.state = 'CLOSED' THEN now()
                                      ELSE live_chat_session.state_since END
             WHERE live_chat_session.state <> 'BOT'
                OR live_chat_session.last_active_at < now() - interval '5 seconds'
            RETURNING state_since = now() AND state = 'BOT' AS became_bot,\s""" + Session.COLUMNS;

    private static final String CLAIM = """
            UPDATE live_chat_session
               SET state = 'LIVE', agent_id = ?, agent_name = ?, started_announced = false, updated_at = now(),
                   state_since = now(), opened_at = CASE WHEN state = 'BOT' THEN now() ELSE opened_at END
             WHERE conversation_id = ? AND chatbot_id = ? AND state IN ('WAITING', 'BOT')
            RETURNING\s""" + Session.COLUMNS;

    private final DataSource dataSource;

    public LiveChatSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The outcome of a claim. */
    public enum Outcome {
        /** This agent has just taken the conversation over. */
        CLAIMED,
        /** This agent already had it. */
        ALREADY_THEIRS,
        /** Another agent has it. */
        TAKEN,
        /** Nothing to claim: the conversation is closed or unknown. */
        NOT_OPEN
    }

    /** The outcome and the conversation as it is after the claim (null when unknown). */
    public record Claim(Outcome outcome, Session session) {
    }

    /** A message of the transcript, as the {@code transcript} and {@code message} frames show it. */
    public record Line(String messageId, String role, String text, Instant at, AgentRef agent) {

        ObjectNode toJson() {
            ObjectNode line = EventJson.mapper().createObjectNode();
            line.put("messageId", messageId);
            line.put("role", role);
            line.put("text", text);
            line.put("at", at == null ? null : at.toString());
            if (agent == null) {
                line.putNull("agent");
            } else {
                line.putObject("agent").put("id", agent.id()).put("name", agent.name());
            }
            return line;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException, InvalidEventException;
    }

    private <T> T inTransaction(String what, Work<T> work) throws InvalidEventException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | InvalidEventException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new InvalidEventException(what + " conflicts with a stored one: " + e.getMessage());
            }
            throw new SessionStoreException(what + " not stored (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private <T> T transaction(String what, Work<T> work) {
        try {
            return inTransaction(what, work);
        } catch (InvalidEventException e) {
            throw new SessionStoreException(what + " not stored: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the escalation's conversation in the WAITING state and tells agents.
     *
     * @return true if the escalation is new here; false if it was already stored or the conversation
     *         already has an open escalation
     * @throws InvalidEventException if the escalation id already belongs to another conversation
     */
    public boolean openWaiting(EscalationCreated escalation) throws InvalidEventException {
        try {
            return inTransaction("escalation " + escalation.escalationId(), c -> {
                try (PreparedStatement insert = c.prepareStatement(OPEN_WAITING)) {
                    insert.setString(1, escalation.conversation().key());
                    insert.setString(2, escalation.chatbot().key());
                    insert.setString(3, escalation.escalationId());
                    insert.setString(4, json(escalation));
                    insert.setString(5, json(escalation.chatbot()));
                    insert.setString(6, json(escalation.conversation()));
                    insert.setString(7, escalation.lastMessage());
                    try (ResultSet row = insert.executeQuery()) {
                        if (!row.next()) {
                            return false;
                        }
                        Session session = Session.read(row);
                        AgentEvents.append(c, session.chatbotId(), session.conversationId(), null,
                                session.event("escalation.created"));
                        return true;
                    }
                }
            });
        } catch (InvalidEventException e) {
            throw new InvalidEventException("escalationId " + escalation.escalationId()
                    + " already belongs to another conversation");
        }
    }

    /**
     * Records visitors' and the assistant's messages, in order: each conversation stays known for
     * proactive take-over (agents hear of a new one, or one back with the bot, by
     * {@code conversation.active}), and while it is WAITING or LIVE its messages join the transcript and
     * reach agents.
     *
     * <p>The messages a poll brings are recorded together: one statement touches all their
     * conversations, where each message used to cost one, and one transaction, if any is needed, writes
     * the transcript lines and agent events they lead to.
     */
    public void recordMessages(List<MessageCreated> messages) {
        if (messages.isEmpty()) {
            return;
        }
        // conversation ids are unique only within a chatbot: the pair is the conversation
        Map<String, List<MessageCreated>> byConversation = new LinkedHashMap<>();
        for (MessageCreated message : messages) {
            byConversation.computeIfAbsent(pair(message.chatbot().key(), message.conversation().key()),
                    k -> new ArrayList<>()).add(message);
        }
        List<Touched> touched = touch(byConversation);
        List<Touched> toTell = touched.stream()
                .filter(t -> t.becameBot() || Session.WAITING.equals(t.session().state()) || Session.LIVE.equals(t.session().state()))
                .toList();
        if (toTell.isEmpty()) {
            return;
        }
        transaction("messages of " + toTell.size() + " conversation(s)", c -> {
            for (Touched t : toTell) {
                Session session = t.session();
                if (t.becameBot()) {
                    AgentEvents.append(c, session.chatbotId(), session.conversationId(), null,
                            session.event("conversation.active"));
                    continue;
                }
                for (MessageCreated message : byConversation.get(pair(session.chatbotId(), session.conversationId()))) {
                    String messageId = message.message().id() != null ? message.message().id() : message.eventId();
                    addLine(c, session, new Line(messageId, EventJson.mapper().valueToTree(message.message().role()).asText(),
                            message.message().text(), message.occurredAt(), null));
                }
            }
            return null;
        });
    }

    private static String pair(String chatbotId, String conversationId) {
        return chatbotId.length() + ":" + chatbotId + "|" + conversationId;
    }

    /** A conversation the touch changed: its session now, and whether it is new or back with the bot. */
    private record Touched(Session session, boolean becameBot) {
    }

    private List<Touched> touch(Map<String, List<MessageCreated>> byConversation) {
        int n = byConversation.size();
        String[] ids = new String[n];
        String[] chatbotIds = new String[n];
        String[] chatbots = new String[n];
        String[] conversations = new String[n];
        String[] lastMessages = new String[n];
        int i = 0;
        for (List<MessageCreated> ofOne : byConversation.values()) {
            MessageCreated last = ofOne.get(ofOne.size() - 1);
            ids[i] = last.conversation().key();
            chatbotIds[i] = last.chatbot().key();
            chatbots[i] = json(last.chatbot());
            conversations[i] = json(last.conversation());
            lastMessages[i] = last.message().text();
            i++;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement touch = c.prepareStatement(TOUCH)) {
            touch.setArray(1, c.createArrayOf("text", ids));
            touch.setArray(2, c.createArrayOf("text", chatbotIds));
            touch.setArray(3, c.createArrayOf("text", chatbots));
            touch.setArray(4, c.createArrayOf("text", conversations));
            touch.setArray(5, c.createArrayOf("text", lastMessages));
            List<Touched> touched = new ArrayList<>();
            try (ResultSet row = touch.executeQuery()) {
                while (row.next()) {
                    touched.add(new Touched(Session.read(row), row.getBoolean("became_bot")));
                }
            }
            return touched;
        } catch (SQLException e) {
            throw new SessionStoreException("messages of " + n + " conversation(s), the first " + ids[0]
                    + ", not stored (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** The conversation ended upstream: CLOSED, and agents are told if it was open. */
    public void conversationClosed(ConversationClosed closed) {
        transaction("close of conversation " + closed.conversation().key(), c -> {
            try (PreparedStatement close = c.prepareStatement("""
                    UPDATE live_chat_session SET state = 'CLOSED', state_since = now(), updated_at = now()
                     WHERE chatbot_id = ? AND conversation_id = ? AND state <> 'CLOSED'
                    RETURNING (SELECT state FROM live_chat_session WHERE chatbot_id = ? AND conversation_id = ?) AS before,
                    """ + Session.COLUMNS)) {
                close.setString(1, closed.chatbot().key());
                close.setString(2, closed.conversation().key());
                close.setString(3, closed.chatbot().key());
                close.setString(4, closed.conversation().key());
                try (ResultSet row = close.executeQuery()) {
                    if (row.next() && !Session.BOT.equals(row.getString("before"))) {
                        Session session = Session.read(row);
                        AgentEvents.append(c, session.chatbotId(), session.conversationId(), null,
                                session.event("conversation.closed"));
                    }
                }
            }
            return null;
        });
    }

    public Optional<Session> find(String chatbotId, String conversationId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, chatbotId, conversationId);
        } catch (SQLException e) {
            throw new SessionStoreException("conversation " + conversationId + " not read (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    private static Optional<Session> find(Connection c, String chatbotId, String conversationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + Session.COLUMNS
                + " FROM live_chat_session WHERE chatbot_id = ? AND conversation_id = ?")) {
            select.setString(1, chatbotId);
            select.setString(2, conversationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Session.read(row)) : Optional.empty();
            }
        }
    }

    /**
     * The conversations of this id among the chatbots {@code scope} serves (at most two are read: one is
     * the answer, two mean the agent must say which chatbot's), or only {@code chatbotId}'s when given.
     */
    public List<Session> findServed(ChatbotScope scope, String chatbotId, String conversationId) {
        if (chatbotId != null) {
            return scope.serves(chatbotId) ? find(chatbotId, conversationId).stream().toList() : List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("SELECT "
                + Session.COLUMNS + " FROM live_chat_session WHERE conversation_id = ?"
                + (scope.all() ? "" : " AND chatbot_id = ANY (?)") + " ORDER BY chatbot_id LIMIT 2")) {
            select.setString(1, conversationId);
            InboxSnapshots.scoped(c, select, 2, scope);
            List<Session> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(Session.read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new SessionStoreException("conversation " + conversationId + " not read (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /** Gives a WAITING conversation, or one still with the bot, to {@code agent}, unless someone has it. */
    public Claim claim(String chatbotId, String conversationId, AgentRef agent) {
        return transaction("claim of conversation " + conversationId, c -> {
            try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                claim.setString(1, agent.id());
                claim.setString(2, agent.name());
                claim.setString(3, conversationId);
                claim.setString(4, chatbotId);
                try (ResultSet row = claim.executeQuery()) {
                    if (row.next()) {
                        Session session = Session.read(row);
                        AgentEvents.append(c, chatbotId, conversationId, agent.id(), session.event("conversation.claimed"));
                        return new Claim(Outcome.CLAIMED, session);
                    }
                }
            }
            Optional<Session> now = find(c, chatbotId, conversationId);
            if (now.isEmpty() || !Session.LIVE.equals(now.get().state())) {
                return new Claim(Outcome.NOT_OPEN, now.orElse(null));
            }
            return new Claim(now.get().agentId().equals(agent.id()) ? Outcome.ALREADY_THEIRS : Outcome.TAKEN, now.get());
        });
    }

    /** The visitor has been told that the agent joined. */
    public void announced(String chatbotId, String conversationId) {
        transaction("announcement of conversation " + conversationId, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE live_chat_session SET started_announced = true WHERE chatbot_id = ? AND conversation_id = ?")) {
                update.setString(1, chatbotId);
                update.setString(2, conversationId);
                update.executeUpdate();
            }
            return null;
        });
    }

    public boolean alreadySent(String chatbotId, String messageId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT 1 FROM agent_message WHERE chatbot_id = ? AND message_id = ?")) {
            select.setString(1, chatbotId);
            select.setString(2, messageId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new SessionStoreException("agent message " + messageId + " not looked up (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /** The visitor has the agent's message: it joins the transcript and reaches the other agents. */
    public void agentMessageSent(Session session, AgentRef agent, String messageId, String text) {
        transaction("agent message " + messageId, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO agent_message (chatbot_id, message_id, conversation_id, agent_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (chatbot_id, message_id) DO NOTHING
                    """)) {
                insert.setString(1, session.chatbotId());
                insert.setString(2, messageId);
                insert.setString(3, session.conversationId());
                insert.setString(4, agent.id());
                if (insert.executeUpdate() == 1) {
                    addLine(c, session, new Line(messageId, "agent", text, Instant.now(), agent));
                }
            }
            return null;
        });
    }

    private static void addLine(Connection c, Session session, Line line) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO transcript_line (chatbot_id, conversation_id, message_id, role, text, agent_id, agent_name, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chatbot_id, conversation_id, message_id) DO NOTHING
                """)) {
            insert.setString(1, session.chatbotId());
            insert.setString(2, session.conversationId());
            insert.setString(3, line.messageId());
            insert.setString(4, line.role());
            insert.setString(5, line.text());
            insert.setString(6, line.agent() == null ? null : line.agent().id());
            insert.setString(7, line.agent() == null ? null : line.agent().name());
            insert.setTimestamp(8, Timestamp.from(line.at() == null ? Instant.now() : line.at()));
            if (insert.executeUpdate() == 1) {
                ObjectNode frame = EventJson.mapper().createObjectNode();
                frame.put("type", "message");
                frame.put("conversationId", session.conversationId());
                frame.put("chatbotId", session.chatbotId());
                frame.set("message", line.toJson());
                AgentEvents.append(c, session.chatbotId(), session.conversationId(),
                        Session.LIVE.equals(session.state()) ? session.agentId() : null, frame);
            }
        }
    }

    /** The owner ends the live chat: CLOSED, and agents are told. Empty if it is not theirs to end. */
    public Optional<Session> end(String chatbotId, String conversationId, String agentId) {
        return leaveLive(chatbotId, conversationId, agentId, "CLOSED", "livechat.ended");
    }

    /** The owner hands the conversation back to the queue. Empty if it is not theirs to release. */
    public Optional<Session> release(String chatbotId, String conversationId, String agentId) {
        return leaveLive(chatbotId, conversationId, agentId, "WAITING", "conversation.released");
    }

    private Optional<Session> leaveLive(String chatbotId, String conversationId, String agentId, String state,
                                        String event) {
        return transaction(event + " of conversation " + conversationId, c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE live_chat_session
                       SET state = ?, agent_id = NULL, agent_name = NULL, started_announced = false,
                           state_since = now(), updated_at = now()
                     WHERE chatbot_id = ? AND conversation_id = ? AND state = 'LIVE' AND agent_id = ?
                    RETURNING\s""" + Session.COLUMNS)) {
                update.setString(1, state);
                update.setString(2, chatbotId);
                update.setString(3, conversationId);
                update.setString(4, agentId);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Session session = Session.read(row);
                    AgentEvents.append(c, session.chatbotId(), conversationId, null, session.event(event));
                    return Optional.of(session);
                }
            }
        });
    }

    /** The escalation's transcript window followed by every message stored since, oldest first. */
    public List<Line> transcript(Session session) {
        List<Line> lines = new ArrayList<>();
        // Messages stored since the escalation's window ended; without an escalation, since the take-over.
        Instant from = session.openedAt() == null ? Instant.EPOCH : session.openedAt();
        if (session.escalation() != null) {
            EscalationCreated escalation = convert(session);
            List<TranscriptEntry> window = escalation.transcript() == null ? List.of() : escalation.transcript();
            for (TranscriptEntry entry : window) {
                lines.add(new Line(null, EventJson.mapper().valueToTree(entry.role()).asText(), entry.text(), entry.at(), null));
            }
            from = window.stream().map(TranscriptEntry::at).filter(at -> at != null)
                    .max(Instant::compareTo).orElse(escalation.occurredAt());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT * FROM (SELECT id, message_id, role, text, at, agent_id, agent_name FROM transcript_line
                                     WHERE chatbot_id = ? AND conversation_id = ? AND at > ?
                                     ORDER BY at DESC, id DESC LIMIT ?) AS newest
                      ORDER BY at, id
                     """)) {
            select.setString(1, session.chatbotId());
            select.setString(2, session.conversationId());
            select.setTimestamp(3, Timestamp.from(from));
            select.setInt(4, MAX_TRANSCRIPT_LINES);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String agentId = rows.getString("agent_id");
                    lines.add(new Line(rows.getString("message_id"), rows.getString("role"), rows.getString("text"),
                            rows.getTimestamp("at").toInstant(),
                            agentId == null ? null : new AgentRef(agentId, rows.getString("agent_name"))));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new SessionStoreException("transcript of conversation " + session.conversationId()
                    + " not read (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private static EscalationCreated convert(Session session) {
        try {
            return EventJson.mapper().treeToValue(session.escalation(), EscalationCreated.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored escalation of conversation " + session.conversationId()
                    + " cannot be read", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }
}
