package io.handoff.gateway;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * The agents' WebSocket at {@value #PATH} (protocol in {@code docs/websocket.md}), a WebSockets Next endpoint.
 *
 * <p>{@link AgentHandshake} checks the token before the upgrade, so a refused agent gets an HTTP status and a
 * problem body, and leaves the agent in the connection's {@link UserData}. Callbacks run on the connection's
 * event loop; database reads and commands run off it.
 */
@WebSocket(path = AgentSocket.PATH, endpointId = AgentSocket.ENDPOINT_ID)
public class AgentSocket {

    public static final String PATH = "/ws/agent";
    static final String ENDPOINT_ID = "agent";

    /** The close code of a connection whose token ran out. */
    static final int TOKEN_EXPIRED_CODE = 4001;

    private static final UserData.TypedKey<AgentConnection> CONNECTION = new UserData.TypedKey<>("handoff.agent.connection");
    private static final UserData.TypedKey<Long> EXPIRY_TIMER = UserData.TypedKey.forLong("handoff.agent.expiry-timer");

    private static final Logger LOG = Logger.getLogger(AgentSocket.class);

    private final Vertx vertx;
    private final InboxSnapshots snapshots;
    private final AgentCommands commands;
    private final GatewayConfig.Inbox inbox;
    private final GatewayConfig.Commands limits;
    private final int maxMissed;
    private final ConnectionClosings closings;

    public AgentSocket(Vertx vertx, InboxSnapshots snapshots, AgentCommands commands, GatewayConfig config,
                       ConnectionClosings closings) {
        this.vertx = vertx;
        this.snapshots = snapshots;
        this.commands = commands;
        this.inbox = config.inbox();
        this.limits = config.commands();
        this.maxMissed = config.events().maxMissed();
        this.closings = closings;
    }

    /** The agent's side of an open WebSocket, or null before {@link #open} has run for it. */
    static AgentConnection of(WebSocketConnection socket) {
        return socket.userData().get(CONNECTION);
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketConnection socket) {
        Agent agent = AgentHandshake.agent(socket);
        AgentConnection connection = new AgentConnection(socket, vertx.getOrCreateContext(), agent,
                limits.maxQueued(), limits.maxUnsentBytes(), closings);
        // Registered before the snapshot is read, so an event stored meanwhile is not missed.
        socket.userData().put(CONNECTION, connection);
        if (agent.tokenExpiresAt() != null) {
            socket.userData().put(EXPIRY_TIMER, expiryTimer(connection, agent.tokenExpiresAt()));
        }
        Long after = AgentHandshake.after(socket);
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

    @OnTextMessage
    @NonBlocking
    void text(WebSocketConnection socket, String text) {
        AgentConnection connection = of(socket);
        if (text.length() > limits.maxFrameLength()) {
            connection.close(ConnectionClosings.Reason.FRAME_TOO_LARGE, "a frame may have at most "
                    + limits.maxFrameLength() + " characters");
            return;
        }
        commands.handle(connection, text);
    }

    @OnBinaryMessage
    @NonBlocking
    void binary(WebSocketConnection socket, Buffer data) {
        of(socket).send(AgentFrame.error("unsupported_frame", "frames must be JSON text messages"));
    }

    @OnClose
    @NonBlocking
    void closed(WebSocketConnection socket) {
        Long timer = socket.userData().get(EXPIRY_TIMER);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
        AgentConnection connection = of(socket);
        if (connection != null) {
            LOG.debugf("agent %s disconnected", connection.agent().id());
        }
    }

    /**
     * Closes the connection when the agent's token runs out, with {@value #TOKEN_EXPIRED_CODE} so that the
     * console asks for a new token and reconnects with {@code after}.
     */
    private long expiryTimer(AgentConnection connection, Instant expiresAt) {
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        return vertx.setTimer(delay, id -> connection.close(ConnectionClosings.Reason.TOKEN_EXPIRED,
                "your token ran out; connect again with a new token and after=<the last seq you saw> to continue"));
    }
}
