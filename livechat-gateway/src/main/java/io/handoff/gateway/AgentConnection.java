package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One agent's open WebSocket, with the promise the protocol makes about order: {@code hello}, then
 * the {@code queue} snapshot, then live {@code escalation.created} frames, each escalation at most once.
 *
 * <p>The connection is registered for broadcasts before the snapshot is read, so nothing stored in
 * between is missed. Broadcasts that come before the snapshot is sent wait here, and any escalation the
 * snapshot already holds is not sent again.
 *
 * <p>All writes go through the socket's event loop in call order, whichever thread calls; the methods
 * are synchronized so that order is the order of the decisions made here.
 */
final class AgentConnection {

    private static final Logger LOG = Logger.getLogger(AgentConnection.class);

    private final ServerWebSocket socket;
    private final Context context;
    /**
     * Escalations the snapshot held. Only these can come again as a broadcast: the consumer stores
     * each escalation once, and broadcasts only what it stored.
     */
    private final Set<String> inSnapshot = new HashSet<>();
    /** Broadcasts held back until the snapshot is out; null once it is. */
    private List<Pending> beforeQueue = new ArrayList<>();

    AgentConnection(ServerWebSocket socket, Context context) {
        this.socket = socket;
        this.context = context;
    }

    synchronized void send(AgentFrame frame) {
        write(frame.toJson());
    }

    /** Sends the snapshot, then whatever was broadcast while it was being read. */
    synchronized void sendQueue(List<JsonNode> waiting) {
        for (JsonNode escalation : waiting) {
            inSnapshot.add(escalation.path("escalationId").asText());
        }
        write(AgentFrame.queue(waiting).toJson());
        List<Pending> held = beforeQueue;
        beforeQueue = null;
        for (Pending pending : held) {
            escalationCreated(pending.escalationId(), pending.frame());
        }
    }

    /**
     * Shows a new escalation, given as its already-serialized {@code escalation.created} frame so a
     * broadcast serializes once for all agents.
     */
    synchronized void escalationCreated(String escalationId, String frame) {
        if (beforeQueue != null) {
            beforeQueue.add(new Pending(escalationId, frame));
        } else if (!inSnapshot.contains(escalationId)) {
            write(frame);
        }
    }

    /** Tells the agent why the connection cannot go on, then closes it with 1011 (server error). */
    synchronized void fail(AgentFrame.Problem problem) {
        write(problem.toJson());
        context.runOnContext(v -> socket.close((short) 1011, problem.error()));
    }

    private void write(String text) {
        context.runOnContext(v -> {
            if (socket.isClosed()) {
                return;
            }
            socket.writeTextMessage(text).onFailure(e -> LOG.debugf("frame to agent %s not written: %s",
                    socket.remoteAddress(), e.getMessage()));
        });
    }

    private record Pending(String escalationId, String frame) {
    }
}
