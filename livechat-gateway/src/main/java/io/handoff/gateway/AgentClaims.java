package io.handoff.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who may talk to the visitor. A claim is one conditional UPDATE on the conversation's row: of any
 * number of agents claiming at once, on any number of gateway instances, exactly one changes the row
 * from WAITING to LIVE, and every other gets told who has it.
 */
@ApplicationScoped
public class AgentClaims {

    /** The outcome of a claim. */
    public enum Outcome {
        /** This agent has just taken the conversation over. */
        CLAIMED,
        /** This agent already had it. */
        ALREADY_THEIRS,
        /** Another agent has it. */
        TAKEN,
        /** Nothing to claim: no escalation is open (the bot answers, or live chat ended). */
        NOT_OPEN
    }

    /** The outcome, who holds the conversation now, and whether the visitor was told. */
    public record Claim(Outcome outcome, String agentId, String agentName, boolean announced) {
    }

    private static final String CLAIM = """
            UPDATE live_chat_session
               SET state = 'LIVE', agent_id = ?, agent_name = ?, started_announced = false, updated_at = now()
             WHERE conversation_id = ? AND chatbot_id = ? AND state = 'WAITING'
            """;

    private static final String HOLDER = """
            SELECT state, agent_id, agent_name, started_announced FROM live_chat_session
             WHERE conversation_id = ? AND chatbot_id = ?
            """;

    private final DataSource dataSource;

    public AgentClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Claim claim(String chatbotId, String conversationId, String agentId, String agentName) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                claim.setString(1, agentId);
                claim.setString(2, agentName);
                claim.setString(3, conversationId);
                claim.setString(4, chatbotId);
                if (claim.executeUpdate() == 1) {
                    return new Claim(Outcome.CLAIMED, agentId, agentName, false);
                }
            }
            try (PreparedStatement holder = c.prepareStatement(HOLDER)) {
                holder.setString(1, conversationId);
                holder.setString(2, chatbotId);
                try (ResultSet row = holder.executeQuery()) {
                    if (!row.next() || !"LIVE".equals(row.getString("state"))) {
                        return new Claim(Outcome.NOT_OPEN, null, null, false);
                    }
                    String holderId = row.getString("agent_id");
                    Outcome outcome = agentId.equals(holderId) ? Outcome.ALREADY_THEIRS : Outcome.TAKEN;
                    return new Claim(outcome, holderId, row.getString("agent_name"), row.getBoolean("started_announced"));
                }
            }
        } catch (SQLException e) {
            throw new SessionStoreException("claim of conversation " + conversationId + " not stored (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /** The visitor has been told that the agent joined. */
    public void announced(String conversationId) {
        update("UPDATE live_chat_session SET started_announced = true WHERE conversation_id = ?", conversationId);
    }

    public boolean alreadySent(String messageId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM agent_message WHERE message_id = ?")) {
            select.setString(1, messageId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new SessionStoreException("agent message " + messageId + " not looked up (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    public void sent(String messageId, String conversationId, String agentId) {
        update("INSERT INTO agent_message (message_id, conversation_id, agent_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (message_id) DO NOTHING", messageId, conversationId, agentId);
    }

    private void update(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new SessionStoreException("live-chat state not stored (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
