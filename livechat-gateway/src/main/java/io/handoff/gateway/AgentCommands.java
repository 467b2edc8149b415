package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.json.EventJson;
import io.handoff.telemetry.LogIds;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agents' commands over the WebSocket ({@code docs/websocket.md}): {@code open}, {@code unwatch},
 * {@code send}, {@code take}, {@code end}, {@code release}, {@code typing}, and {@code ping} to keep
 * idle connections open through proxies.
 *
 * <p>A frame is checked on the event loop and answered at once when it is malformed; a well-formed
 * command runs on a worker thread, after the same agent's earlier commands. Every command is answered
 * with exactly one {@code ack} or {@code error} (except {@code typing} and {@code unwatch}, which are
 * answered only when they fail). A conversation of a chatbot the agent does not serve is answered
 * exactly as one that does not exist.
 */
@ApplicationScoped
public class AgentCommands {

    private static final Logger LOG = Logger.getLogger(AgentCommands.class);
    private static final Set<String> COMMANDS = Set.of("open", "unwatch", "send", "take", "end", "release", "typing", "ping");
    private static final int MAX_ECHOED_TYPE = 64;
    private static final int MAX_REF = 64;
    private static final int MAX_ID = 200;

    private final LiveChat liveChat;
    private final LiveChatSessions sessions;
    private final EventRelay relay;
    private final int maxTextLength;
    private final ExecutorService workers;

    public AgentCommands(LiveChat liveChat, LiveChatSessions sessions, EventRelay relay, GatewayConfig config) {
        this.liveChat = liveChat;
        this.sessions = sessions;
        this.relay = relay;
        this.maxTextLength = config.commands().maxTextLength();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.commands().threads(), task -> {
            Thread thread = new Thread(task, "agent-command-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void shutdown() {
        workers.shutdown();
    }

    /**
     * A well-formed command: its type, the caller's ref, the conversation, the chatbot it belongs to when
     * the agent said (conversation ids are unique only within a chatbot), and the frame.
     */
    private record Command(String type, String ref, String conversationId, String chatbotId, JsonNode frame) {
    }

    /** Checks a text frame from the agent and runs the command it holds, or says what is wrong with it. */
    void handle(AgentConnection connection, String text) {
        JsonNode frame = readObject(text);
        if (frame == null || !frame.path("type").isTextual()) {
            connection.send(AgentFrame.error("unsupported_frame", "frames must be JSON objects with a string \"type\""));
            return;
        }
        String type = frame.get("type").asText();
        if (!COMMANDS.contains(type)) {
            String shown = type.length() > MAX_ECHOED_TYPE ? type.substring(0, MAX_ECHOED_TYPE) + "..." : type;
            connection.send(AgentFrame.error("unsupported_frame", "protocol " + AgentFrame.PROTOCOL
                    + " has no \"" + shown + "\" command"));
            return;
        }
        JsonNode refNode = frame.get("ref");
        String ref = refNode != null && refNode.isTextual() && refNode.asText().length() <= MAX_REF ? refNode.asText() : null;
        if (refNode != null && !refNode.isNull() && ref == null) {
            connection.send(AgentFrame.error(null, null, "invalid_frame", "\"ref\" must be a string of at most "
                    + MAX_REF + " characters"));
            return;
        }
        if ("ping".equals(type)) {
            ObjectNode pong = AgentFrame.of("pong");
            if (ref != null) {
                pong.put("ref", ref);
            }
            connection.send(pong);
            return;
        }
        String problem = check(type, frame);
        String conversationId = frame.path("conversationId").asText(null);
        if (problem != null) {
            connection.send(AgentFrame.error(ref, conversationId, "invalid_frame", problem));
            return;
        }
        Command command = new Command(type, ref, conversationId, frame.path("chatbotId").asText(null), frame);
        connection.enqueue(() -> run(connection, command), workers);
    }

    private String check(String type, JsonNode frame) {
        JsonNode conversation = frame.get("conversationId");
        if (conversation == null || !conversation.isTextual() || conversation.asText().isBlank()
                || conversation.asText().length() > MAX_ID) {
            return "\"conversationId\" must be a non-empty string of at most " + MAX_ID + " characters";
        }
        JsonNode chatbot = frame.get("chatbotId");
        if (chatbot != null && !chatbot.isNull() && (!chatbot.isTextual() || chatbot.asText().isBlank()
                || chatbot.asText().length() > MAX_ID)) {
            return "\"chatbotId\" must be a non-empty string of at most " + MAX_ID + " characters";
        }
        if ("send".equals(type)) {
            JsonNode text = frame.get("text");
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                return "\"text\" must be a non-empty string";
            }
            if (text.asText().length() > maxTextLength) {
                return "\"text\" is longer than " + maxTextLength + " characters";
            }
            JsonNode messageId = frame.get("messageId");
            if (messageId != null && !messageId.isNull() && (!messageId.isTextual() || messageId.asText().isBlank()
                    || messageId.asText().length() > MAX_ID)) {
                return "\"messageId\" must be a non-empty string of at most " + MAX_ID + " characters";
            }
        }
        if ("typing".equals(type) && !frame.path("typing").isBoolean()) {
            return "\"typing\" must be true or false";
        }
        return null;
    }

    private void run(AgentConnection connection, Command command) {
        // every line logged about an agent's command names its conversation in the MDC, like the consumers' lines
        try (LogIds ids = LogIds.of(null, command.conversationId(), null)) {
            dispatch(connection, command);
        }
    }

    private void dispatch(AgentConnection connection, Command command) {
        try {
            switch (command.type()) {
                case "open" -> open(connection, command);
                case "unwatch" -> connection.unwatch(command.chatbotId(), command.conversationId());
                case "send" -> send(connection, command);
                case "take" -> take(connection, command);
                case "end" -> end(connection, command);
                case "release" -> release(connection, command);
                case "typing" -> typing(connection, command);
                default -> throw new IllegalStateException("unchecked command " + command.type());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "command %s of agent %s on conversation %s failed", command.type(),
                    connection.agent().id(), command.conversationId());
            connection.send(AgentFrame.error(command.ref(), command.conversationId(), "unavailable",
                    "the command could not be carried out right now; try again"));
        }
    }

    /**
     * The conversation if it exists and the agent serves its chatbot; otherwise answers not_found. When
     * the agent serves several chatbots that each have a conversation of this id and did not say which,
     * answers ambiguous_conversation instead of guessing.
     */
    private Optional<Session> find(AgentConnection connection, Command command) {
        List<Session> found = sessions.findServed(connection.agent().scope(), command.chatbotId(), command.conversationId());
        if (found.size() > 1) {
            connection.send(AgentFrame.error(command.ref(), command.conversationId(), "ambiguous_conversation",
                    "more than one of your chatbots has a conversation " + command.conversationId()
                            + "; say which with \"chatbotId\""));
            return Optional.empty();
        }
        if (found.isEmpty()) {
            connection.send(AgentFrame.error(command.ref(), command.conversationId(), "not_found",
                    "there is no conversation " + command.conversationId() + " among your chatbots"));
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private void open(AgentConnection connection, Command command) {
        find(connection, command).ifPresent(session -> {
            connection.watch(session.chatbotId(), session.conversationId());
            connection.send(AgentFrame.transcript(command.ref(), session, sessions.transcript(session)));
        });
    }

    private void send(AgentConnection connection, Command command) {
        Optional<Session> found = find(connection, command);
        if (found.isEmpty()) {
            return;
        }
        Session session = found.get();
        String messageId = command.frame().hasNonNull("messageId") ? command.frame().get("messageId").asText()
                : UUID.randomUUID().toString();
        LiveChat.Reply reply = liveChat.reply(session.chatbotId(), session.conversationId(), connection.agent().ref(),
                messageId, command.frame().get("text").asText());
        switch (reply.result()) {
            case SENT, DUPLICATE -> connection.send(AgentFrame.ack(command.ref(), "send", session.conversationId())
                    .put("chatbotId", session.chatbotId()).put("messageId", messageId));
            case TAKEN -> taken(connection, command, reply.session());
            case NOT_OPEN -> notOpen(connection, command, "the conversation is closed; nothing can be sent to it");
            default -> throw new IllegalStateException("unknown result " + reply.result());
        }
    }

    private void take(AgentConnection connection, Command command) {
        Optional<Session> found = find(connection, command);
        if (found.isEmpty()) {
            return;
        }
        LiveChatSessions.Claim claim = liveChat.take(found.get().chatbotId(), command.conversationId(),
                connection.agent().ref());
        switch (claim.outcome()) {
            case CLAIMED, ALREADY_THEIRS -> connection.send(AgentFrame.ack(command.ref(), "take", command.conversationId())
                    .put("chatbotId", found.get().chatbotId()));
            case TAKEN -> taken(connection, command, claim.session());
            case NOT_OPEN -> notOpen(connection, command, "the conversation is closed; there is nothing to take over");
            default -> throw new IllegalStateException("unknown outcome " + claim.outcome());
        }
    }

    private void end(AgentConnection connection, Command command) {
        Optional<Session> found = find(connection, command);
        if (found.isEmpty() || !ownedBy(connection, command, found.get())) {
            return;
        }
        if (liveChat.end(found.get(), connection.agent().ref()).isPresent()) {
            connection.send(AgentFrame.ack(command.ref(), "end", command.conversationId())
                    .put("chatbotId", found.get().chatbotId()));
        } else {
            sessions.find(found.get().chatbotId(), command.conversationId()).ifPresent(now -> ownedBy(connection, command, now));
        }
    }

    private void release(AgentConnection connection, Command command) {
        Optional<Session> found = find(connection, command);
        if (found.isEmpty() || !ownedBy(connection, command, found.get())) {
            return;
        }
        String chatbotId = found.get().chatbotId();
        if (sessions.release(chatbotId, command.conversationId(), connection.agent().id()).isPresent()) {
            LOG.infof("conversation %s: agent %s handed it back to the queue", command.conversationId(),
                    connection.agent().id());
            connection.send(AgentFrame.ack(command.ref(), "release", command.conversationId()).put("chatbotId", chatbotId));
        } else {
            sessions.find(chatbotId, command.conversationId()).ifPresent(now -> ownedBy(connection, command, now));
        }
    }

    /** True if the agent owns the conversation; otherwise answers not_yours or not_open. */
    private static boolean ownedBy(AgentConnection connection, Command command, Session session) {
        if (session.ownedBy(connection.agent().id())) {
            return true;
        }
        if (Session.LIVE.equals(session.state())) {
            connection.send(AgentFrame.error(command.ref(), command.conversationId(), "not_yours",
                    session.agentName() + " is talking to this visitor; only they can " + command.type() + " the live chat"));
        } else {
            notOpen(connection, command, "the conversation is not live (it is " + session.state() + ")");
        }
        return false;
    }

    private void typing(AgentConnection connection, Command command) {
        String chatbot = connection.watchedChatbot(command.chatbotId(), command.conversationId());
        if (chatbot == null) {
            connection.send(AgentFrame.error(command.ref(), command.conversationId(), "not_found",
                    "open the conversation before saying you are typing in it"));
            return;
        }
        relay.typing(chatbot, command.conversationId(), connection.agent().id(),
                AgentFrame.typing(chatbot, command.conversationId(), connection.agent().ref(),
                        command.frame().get("typing").asBoolean()));
    }

    private static void taken(AgentConnection connection, Command command, Session holder) {
        ObjectNode error = AgentFrame.error(command.ref(), command.conversationId(), "taken",
                holder.agentName() + " is already talking to this visitor");
        error.putObject("agent").put("id", holder.agentId()).put("name", holder.agentName());
        connection.send(error);
    }

    private static void notOpen(AgentConnection connection, Command command, String detail) {
        connection.send(AgentFrame.error(command.ref(), command.conversationId(), "not_open", detail));
    }

    private static JsonNode readObject(String text) {
        try {
            JsonNode frame = EventJson.mapper().readTree(text);
            return frame != null && frame.isObject() ? frame : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
