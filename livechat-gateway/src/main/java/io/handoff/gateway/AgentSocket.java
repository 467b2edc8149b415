package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The agents' WebSocket at {@value #PATH} (protocol in {@code docs/websocket.md}).
 *
 * <p>Plain Vert.x on the Quarkus HTTP router: the upgrade, the {@code hello}, and the hand-off of the
 * database read to a worker thread so the event loop never blocks.
 */
@ApplicationScoped
public class AgentSocket {

    public static final String PATH = "/ws/agent";

    private static final Logger LOG = Logger.getLogger(AgentSocket.class);
    private static final int MAX_ECHOED_TYPE = 64;

    private final AgentConnections connections;
    private final LiveChatSessions sessions;

    public AgentSocket(AgentConnections connections, LiveChatSessions sessions) {
        this.connections = connections;
        this.sessions = sessions;
    }

    void init(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext rc) {
        if (!"websocket".equalsIgnoreCase(rc.request().getHeader(HttpHeaders.UPGRADE))) {
            rc.response().setStatusCode(426).putHeader(HttpHeaders.UPGRADE, "websocket").end();
            return;
        }
        rc.request().toWebSocket()
                .onSuccess(socket -> open(rc.vertx(), socket))
                .onFailure(e -> {
                    LOG.debugf("agent WebSocket handshake from %s failed: %s", rc.request().remoteAddress(), e.getMessage());
                    if (!rc.response().ended()) {
                        rc.response().setStatusCode(400).end();
                    }
                });
    }

    private void open(Vertx vertx, ServerWebSocket socket) {
        AgentConnection connection = new AgentConnection(socket, vertx.getOrCreateContext());
        connection.send(AgentFrame.hello());
        socket.textMessageHandler(text -> connection.send(unsupported(text)));
        socket.binaryMessageHandler(data -> connection.send(AgentFrame.error("unsupported_frame",
                "frames must be JSON text messages")));
        socket.exceptionHandler(e -> LOG.debugf("agent WebSocket %s: %s", socket.remoteAddress(), e.getMessage()));
        socket.closeHandler(v -> connections.remove(connection));
        // Registered before the snapshot is read, so an escalation stored meanwhile is not missed.
        connections.add(connection);
        if (socket.isClosed()) {
            connections.remove(connection);
            return;
        }
        vertx.executeBlocking(sessions::waitingEscalations, false)
                .onSuccess(connection::sendQueue)
                .onFailure(e -> {
                    LOG.errorf(e, "queue snapshot for agent %s could not be read", socket.remoteAddress());
                    connection.fail(AgentFrame.error("queue_unavailable",
                            "the waiting escalations could not be loaded; reconnect later"));
                });
        LOG.debugf("agent connected from %s", socket.remoteAddress());
    }

    /** Protocol 1 defines no frames from agents; the answer says which type was not understood. */
    private static AgentFrame.Problem unsupported(String text) {
        JsonNode type = readType(text);
        if (type == null || !type.isTextual()) {
            return AgentFrame.error("unsupported_frame", "frames must be JSON objects with a string \"type\"");
        }
        String name = type.asText();
        if (name.length() > MAX_ECHOED_TYPE) {
            name = name.substring(0, MAX_ECHOED_TYPE) + "...";
        }
        return AgentFrame.error("unsupported_frame",
                "protocol " + AgentFrame.PROTOCOL + " accepts no \"" + name + "\" frames from agents");
    }

    private static JsonNode readType(String text) {
        try {
            JsonNode frame = EventJson.mapper().readTree(text);
            return frame != null && frame.isObject() ? frame.get("type") : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
