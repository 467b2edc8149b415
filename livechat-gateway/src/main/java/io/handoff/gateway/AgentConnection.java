package io.handoff.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One agent's open WebSocket, and the order the protocol promises on it: {@code hello}, {@code inbox},
 * the events the agent missed, then live events in {@code seq} order, each at most once.
 *
 * <p>The connection is registered for live events before its snapshot is read; events that come
 * before the snapshot is sent wait here, and those the snapshot already covers are dropped.
 *
 * <p>All writes go through the socket's event loop in call order; the methods that decide what to
 * write are synchronized so that order is the order of the decisions. Commands from the agent run one
 * after another, off the event loop.
 *
 * <p>The connection is bounded: at most {@code maxQueued} commands wait, and at most {@code maxUnsentBytes}
 * written bytes wait for the agent's browser to read them (counted here from each frame's write until
 * the socket has taken it). Beyond either the connection is
 * closed with a reason ({@link ConnectionClosings}) instead of holding workers or memory.
 */
final class AgentConnection {

    private static final Logger LOG = Logger.getLogger(AgentConnection.class);

    private final WebSocketConnection socket;
    private final Context context;
    private final Agent agent;
    /**
     * The conversations this agent has open, by chatbot and id (ids are unique only within a chatbot),
     * each to its chatbot.
     */
    private final Map<String, String> watching = new ConcurrentHashMap<>();
    /** The newest event sent or covered by the snapshot. */
    private long lastSeq;
    /** Live events held back until the snapshot is out; null once it is. */
    private List<AgentEvents.Stored> held = new ArrayList<>();
    private CompletableFuture<Void> commands = CompletableFuture.completedFuture(null);
    private final AtomicInteger queued = new AtomicInteger();
    private final int maxQueued;
    private final ConnectionClosings closings;
    private final int maxUnsentBytes;
    /** Bytes of frames written and not yet taken by the socket. */
    private final AtomicLong unsent = new AtomicLong();
    private volatile boolean closing;

    /**
     * @param maxUnsentBytes how far the agent's side may fall behind in reading before it is closed
     */
    AgentConnection(WebSocketConnection socket, Context context, Agent agent, int maxQueued, int maxUnsentBytes,
                    ConnectionClosings closings) {
        this.socket = socket;
        this.context = context;
        this.agent = agent;
        this.maxQueued = maxQueued;
        this.closings = closings;
        this.maxUnsentBytes = maxUnsentBytes;
    }

    Agent agent() {
        return agent;
    }

    /** Sends {@code hello}, the inbox and the missed events, then whatever was held back meanwhile. */
    synchronized void start(InboxSnapshots.Snapshot snapshot, ObjectNode hello, ObjectNode inbox) {
        write(AgentFrame.toJson(hello));
        write(AgentFrame.toJson(inbox));
        for (AgentEvents.Stored event : snapshot.missed()) {
            if (visible(event)) {
                write(event.toJson());
            }
        }
        lastSeq = snapshot.head();
        List<AgentEvents.Stored> pending = held;
        held = null;
        pending.forEach(this::deliver);
    }

    /** A new event from the log: sent if this agent should see it and has not yet. */
    synchronized void deliver(AgentEvents.Stored event) {
        if (held != null) {
            held.add(event);
            return;
        }
        if (event.seq() <= lastSeq) {
            return;
        }
        lastSeq = event.seq();
        if (visible(event)) {
            write(event.toJson());
        }
    }

    /** Another agent typing in a conversation this agent has open. */
    void typing(String chatbotId, String conversationId, String fromAgent, String frame) {
        if (agent.scope().serves(chatbotId) && !agent.id().equals(fromAgent)
                && watching.containsKey(pair(chatbotId, conversationId))) {
            write(frame);
        }
    }

    private boolean visible(AgentEvents.Stored event) {
        if (!agent.scope().serves(event.chatbotId())) {
            return false;
        }
        return !event.isMessage() || agent.id().equals(event.ownerId())
                || watching.containsKey(pair(event.chatbotId(), event.conversationId()));
    }

    private static String pair(String chatbotId, String conversationId) {
        return chatbotId.length() + ":" + chatbotId + "|" + conversationId;
    }

    void watch(String chatbotId, String conversationId) {
        watching.put(pair(chatbotId, conversationId), chatbotId);
    }

    /**
     * The chatbot of a conversation this agent has open, or null when it is not open here (or, with no
     * {@code chatbotId} given, when conversations of this id are open for several chatbots).
     */
    String watchedChatbot(String chatbotId, String conversationId) {
        if (chatbotId != null) {
            return watching.get(pair(chatbotId, conversationId));
        }
        List<String> chatbots = watching.values().stream()
                .filter(c -> watching.containsKey(pair(c, conversationId))).distinct().toList();
        return chatbots.size() == 1 ? chatbots.get(0) : null;
    }

    /** Stops watching the conversation of {@code chatbotId}, or of every chatbot when it is null. */
    void unwatch(String chatbotId, String conversationId) {
        if (chatbotId != null) {
            watching.remove(pair(chatbotId, conversationId));
        } else {
            List.copyOf(watching.values()).forEach(c -> watching.remove(pair(c, conversationId)));
        }
    }

    synchronized void send(ObjectNode frame) {
        write(AgentFrame.toJson(frame));
    }

    /**
     * Runs the agent's command after the ones before it, on {@code executor}; closes the connection
     * instead when {@code maxQueued} commands are already waiting.
     */
    synchronized void enqueue(Runnable command, Executor executor) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            close(ConnectionClosings.Reason.FLOOD, "more than " + maxQueued
                    + " commands are waiting; wait for their ack or error before sending more");
            return;
        }
        commands = commands.thenRunAsync(() -> {
            try {
                command.run();
            } finally {
                queued.decrementAndGet();
            }
        }, executor).exceptionally(e -> {
            LOG.errorf(e, "a command of agent %s failed", agent.id());
            return null;
        });
    }

    /**
     * Closes the connection for {@code reason}, once, after an {@code error} frame that says why (unless
     * the agent is not reading, when nothing more is written).
     */
    void close(ConnectionClosings.Reason reason, String detail) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        closings.closed(reason);
        LOG.infof("agent %s's connection closed: %s", agent.id(), reason.text());
        context.runOnContext(v -> {
            if (socket.isClosed()) {
                return;
            }
            if (reason != ConnectionClosings.Reason.NOT_READING) {
                sendNow(AgentFrame.toJson(AgentFrame.error(reason.name().toLowerCase(java.util.Locale.ROOT), detail)));
            }
            closeNow(new CloseReason(reason.code(), reason.text()));
        });
    }

    /** Tells the agent why the connection cannot go on, then closes it with 1011 (server error). */
    synchronized void fail(ObjectNode problem) {
        write(AgentFrame.toJson(problem));
        context.runOnContext(v -> closeNow(new CloseReason(1011, problem.path("error").asText())));
    }

    private void write(String text) {
        context.runOnContext(v -> {
            if (socket.isClosed() || closing) {
                return;
            }
            if (unsent.get() >= maxUnsentBytes) {
                close(ConnectionClosings.Reason.NOT_READING, "frames are not being read");
                return;
            }
            sendNow(text);
        });
    }

    /** Writes a frame now, on the connection's context, counting its bytes until the socket has taken them. */
    private void sendNow(String text) {
        long bytes = ByteBufUtil.utf8Bytes(text);
        unsent.addAndGet(bytes);
        socket.sendText(text).subscribe().with(done -> unsent.addAndGet(-bytes), e -> {
            unsent.addAndGet(-bytes);
            LOG.debugf("frame to agent %s not written: %s", agent.id(), e.getMessage());
        });
    }

    private void closeNow(CloseReason reason) {
        socket.close(reason).subscribe().with(done -> { }, e -> LOG.debugf("connection of agent %s not closed cleanly: %s",
                agent.id(), e.getMessage()));
    }
}
