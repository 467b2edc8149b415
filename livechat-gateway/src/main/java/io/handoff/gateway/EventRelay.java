package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.json.EventJson;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Pushes the {@link AgentEvents} log to the agents connected to this instance, whichever instance wrote
 * the events: one thread LISTENs for PostgreSQL notifications and reads everything after the last
 * event it passed on, and reads anyway every {@code handoff.gateway.events.poll-interval} so a lost
 * notification only delays an event. Agents' typing notices travel the same way, unstored.
 */
@ApplicationScoped
public class EventRelay {

    static final String EVENT_CHANNEL = "agent_event";
    static final String TYPING_CHANNEL = "agent_typing";

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final int BATCH = 500;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final DataSource dataSource;
    private final AgentEvents events;
    private final AgentConnections connections;
    private final GatewayConfig.Events config;

    private volatile boolean running;
    private Thread thread;
    /** The newest event passed on; -1 until the relay has read where the log stands. */
    private long cursor = -1;
    private Instant nextPrune = Instant.now();

    public EventRelay(DataSource dataSource, AgentEvents events, AgentConnections connections, GatewayConfig config) {
        this.dataSource = dataSource;
        this.events = events;
        this.connections = connections;
        this.config = config.events();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "agent-event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /** Tells agents on every instance who have the conversation open that {@code agent} is typing. */
    public void typing(String chatbotId, String conversationId, String agentId, ObjectNode frame) {
        ObjectNode notice = EventJson.mapper().createObjectNode()
                .put("chatbotId", chatbotId).put("conversationId", conversationId).put("agentId", agentId);
        notice.set("frame", frame);
        try (Connection c = dataSource.getConnection();
             PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, TYPING_CHANNEL);
            notify.setString(2, AgentFrame.toJson(notice));
            notify.execute();
        } catch (SQLException e) {
            throw new SessionStoreException("typing notice not sent (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection listener = c.unwrap(PGConnection.class);
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + EVENT_CHANNEL);
                    listen.execute("LISTEN " + TYPING_CHANNEL);
                }
                if (cursor < 0) {
                    cursor = AgentEvents.head(c);
                }
                while (running) {
                    catchUp(c);
                    PGNotification[] notifications = listener.getNotifications((int) config.pollInterval().toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (TYPING_CHANNEL.equals(notification.getName())) {
                                relayTyping(notification.getParameter());
                            }
                        }
                    }
                    pruneWhenDue();
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("agent events cannot be read (%s); retrying in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void catchUp(Connection c) throws SQLException {
        List<AgentEvents.Stored> batch;
        do {
            batch = AgentEvents.between(c, cursor, Long.MAX_VALUE, BATCH);
            for (AgentEvents.Stored event : batch) {
                connections.deliver(event);
                cursor = event.seq();
            }
        } while (batch.size() == BATCH);
    }

    private void relayTyping(String payload) {
        try {
            JsonNode notice = EventJson.mapper().readTree(payload);
            connections.typing(notice.path("chatbotId").asText(), notice.path("conversationId").asText(),
                    notice.path("agentId").asText(), AgentFrame.toJson((ObjectNode) notice.get("frame")));
        } catch (JsonProcessingException | ClassCastException e) {
            LOG.warnf("a typing notice could not be read: %s", e.getMessage());
        }
    }

    private void pruneWhenDue() {
        if (Instant.now().isBefore(nextPrune)) {
            return;
        }
        nextPrune = Instant.now().plus(PRUNE_EVERY);
        int removed = events.prune(config.retention());
        if (removed > 0) {
            LOG.infof("removed %d agent events older than %s", removed, config.retention());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
