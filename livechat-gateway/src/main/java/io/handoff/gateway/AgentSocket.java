package io.handoff.gateway;

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
 * <p>Plain Vert.x on the Quarkus HTTP router: the token is checked before the upgrade, so a refused
 * agent gets an HTTP status and a problem body; database reads and commands run off the event loop.
 */
@ApplicationScoped
public class AgentSocket {

    public static final String PATH = "/ws/agent";

    private static final Logger LOG = Logger.getLogger(AgentSocket.class);

    private final AgentConnections connections;
    private final InboxSnapshots snapshots;
    private final AgentAuthenticator authenticator;
    private final AgentCommands commands;
    private final GatewayConfig.Inbox inbox;
    private final GatewayConfig.Commands limits;
    private final int maxMissed;
    private final ConnectionClosings closings;

    public AgentSocket(AgentConnections connections, InboxSnapshots snapshots, AgentAuthenticator authenticator,
                       AgentCommands commands, GatewayConfig config, ConnectionClosings closings) {
        this.connections = connections;
        this.snapshots = snapshots;
        this.authenticator = authenticator;
        this.commands = commands;
        this.inbox = config.inbox();
        this.limits = config.commands();
        this.maxMissed = config.events().maxMissed();
        this.closings = closings;
    }

    void init(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext rc) {
        if (!"websocket".equalsIgnoreCase(rc.request().getHeader(HttpHeaders.UPGRADE))) {
            rc.response().setStatusCode(426).putHeader(HttpHeaders.UPGRADE, "websocket").end();
            return;
        }
        Agent agent;
        try {
            agent = authenticator.authenticate(rc.request().getParam("access_token"),
                    rc.request().getHeader("Sec-WebSocket-Protocol"));
        } catch (AgentAuthenticator.Refused refused) {
            problem(rc, refused.status(), refused.status() == 401 ? "Unauthorized" : "Forbidden", refused.getMessage());
            return;
        }
        Long after;
        try {
            after = after(rc.request().getParam("after"));
        } catch (NumberFormatException e) {
            problem(rc, 400, "Bad Request", "\"after\" must be the seq of the last event you saw (a whole number, 0 or more)");
            return;
        }
        rc.request().toWebSocket()
                .onSuccess(socket -> open(rc.vertx(), socket, agent, after))
                .onFailure(e -> {
                    LOG.debugf("agent WebSocket handshake from %s failed: %s", rc.request().remoteAddress(), e.getMessage());
                    if (!rc.response().ended()) {
                        rc.response().setStatusCode(400).end();
                    }
                });
    }

    private static Long after(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long after = Long.parseLong(value);
        if (after < 0) {
            throw new NumberFormatException("negative");
        }
        return after;
    }

    private void open(Vertx vertx, ServerWebSocket socket, Agent agent, Long after) {
        AgentConnection connection = new AgentConnection(socket, vertx.getOrCreateContext(), agent,
                limits.maxQueued(), limits.maxUnsentBytes(), closings);
        socket.textMessageHandler(text -> {
            if (text.length() > limits.maxFrameLength()) {
                connection.close(ConnectionClosings.Reason.FRAME_TOO_LARGE, "a frame may have at most "
                        + limits.maxFrameLength() + " characters");
                return;
            }
            commands.handle(connection, text);
        });
        long expiry = expiryTimer(vertx, connection, agent);
        socket.binaryMessageHandler(data -> connection.send(AgentFrame.error("unsupported_frame",
                "frames must be JSON text messages")));
        socket.exceptionHandler(e -> LOG.debugf("agent WebSocket of %s: %s", agent.id(), e.getMessage()));
        socket.closeHandler(v -> {
            connections.remove(connection);
            if (expiry >= 0) {
                vertx.cancelTimer(expiry);
            }
        });
        // Registered before the snapshot is read, so an event stored meanwhile is not missed.
        connections.add(connection);
        if (socket.isClosed()) {
            connections.remove(connection);
            return;
        }
        vertx.executeBlocking(() -> snapshots.snapshot(agent.scope(), after, inbox.botLimit(), inbox.botWindow(), maxMissed), false)
                .onSuccess(snapshot -> connection.start(snapshot, AgentFrame.hello(agent, snapshot.head(), snapshot.missedTruncated()),
                        AgentFrame.inbox(snapshot.head(), snapshot.inbox())))
                .onFailure(e -> {
                    LOG.errorf(e, "inbox of agent %s could not be read", agent.id());
                    connection.fail(AgentFrame.error("inbox_unavailable",
                            "your conversations could not be loaded; reconnect later"));
                });
        LOG.debugf("agent %s connected", agent.id());
    }

    /**
     * Closes the connection when the agent's token runs out, with {@value #TOKEN_EXPIRED_CODE} so that the
     * console asks for a new token and reconnects with {@code after}; -1 when the token has no expiry.
     */
    private static long expiryTimer(Vertx vertx, AgentConnection connection, Agent agent) {
        if (agent.tokenExpiresAt() == null) {
            return -1;
        }
        long delay = Math.max(1, java.time.Duration.between(java.time.Instant.now(), agent.tokenExpiresAt()).toMillis());
        return vertx.setTimer(delay, id -> connection.close(ConnectionClosings.Reason.TOKEN_EXPIRED,
                "your token ran out; connect again with a new token and after=<the last seq you saw> to continue"));
    }

    /** The close code of a connection whose token ran out. */
    static final int TOKEN_EXPIRED_CODE = 4001;

    private static void problem(RoutingContext rc, int status, String title, String detail) {
        String body = AgentFrame.toJson(io.handoff.events.json.EventJson.mapper().createObjectNode()
                .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail));
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(body);
    }
}
