package io.handoff.gateway;

import io.handoff.events.AgentRef;
import io.handoff.events.directive.AgentMessage;
import io.handoff.events.directive.Directive;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.settings.VisitorTexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Agents talking to visitors, by the same rules whether they write in the console or in a Slack thread:
 * the first message (or a take-over) claims the conversation and the visitor is told the agent joined
 * ({@code livechat.started}, the AI stops); the owner's messages reach the visitor ({@code agent.message});
 * ending gives the conversation back to the AI ({@code livechat.ended}).
 *
 * <p>Each step is recorded only after the broker has its directive, and directives' event ids are
 * derived from what they announce, so a retried or redelivered command repeats the same ids and the
 * visitor never sees a message twice.
 */
@ApplicationScoped
public class LiveChat {

    public static final String DIRECTIVES = "directives";

    private static final Logger LOG = Logger.getLogger(LiveChat.class);

    /** What became of an agent's message. */
    public enum Result {
        SENT,
        /** The same message id was already passed on. */
        DUPLICATE,
        /** Another agent owns the conversation; {@link Reply#session()} says who. */
        TAKEN,
        /** The conversation is closed or unknown. */
        NOT_OPEN
    }

    public record Reply(Result result, Session session) {
    }

    private final LiveChatSessions sessions;
    private final MutinyEmitter<Directive> directives;
    private final MeterRegistry registry;
    private final Counter messagesSent;
    private final Counter liveChatsEnded;

    public LiveChat(LiveChatSessions sessions, @Channel(DIRECTIVES) MutinyEmitter<Directive> directives,
                    MeterRegistry registry) {
        this.sessions = sessions;
        this.directives = directives;
        this.registry = registry;
        this.messagesSent = registry.counter("handoff.gateway.agent.messages");
        this.liveChatsEnded = registry.counter("handoff.gateway.livechats.ended");
    }

    /** Claims the conversation if needed, then passes {@code text} to the visitor. */
    public Reply reply(String chatbotId, String conversationId, AgentRef agent, String messageId, String text) {
        if (sessions.alreadySent(chatbotId, messageId)) {
            LOG.debugf("agent message %s already passed on", messageId);
            return new Reply(Result.DUPLICATE, sessions.find(chatbotId, conversationId).orElse(null));
        }
        LiveChatSessions.Claim claim = take(chatbotId, conversationId, agent);
        switch (claim.outcome()) {
            case TAKEN:
                return new Reply(Result.TAKEN, claim.session());
            case NOT_OPEN:
                return new Reply(Result.NOT_OPEN, claim.session());
            default:
                break;
        }
        Session session = claim.session();
        send(session, new AgentMessage(null, stableId("agent.message", chatbotId, messageId), Instant.now(),
                session.chatbotRef(), session.conversationRef(), agent, messageId, text));
        sessions.agentMessageSent(session, agent, messageId, text);
        messagesSent.increment();
        return new Reply(Result.SENT, session);
    }

    /** Claims the conversation for {@code agent} and makes sure the visitor has been told. */
    public LiveChatSessions.Claim take(String chatbotId, String conversationId, AgentRef agent) {
        LiveChatSessions.Claim claim = sessions.claim(chatbotId, conversationId, agent);
        if (claim.outcome() != LiveChatSessions.Outcome.ALREADY_THEIRS) {
            // claimed, or lost to another agent, or too late; the owner writing again is no claim
            registry.counter("handoff.gateway.claims", "outcome", claim.outcome().name().toLowerCase(Locale.ROOT)).increment();
        }
        boolean theirs = claim.outcome() == LiveChatSessions.Outcome.CLAIMED
                || claim.outcome() == LiveChatSessions.Outcome.ALREADY_THEIRS;
        if (theirs && !claim.session().announced()) {
            Session session = claim.session();
            send(session, new LivechatStarted(null, stableId("livechat.started", chatbotId, conversationId, session.since().toString()),
                    Instant.now(), session.chatbotRef(), session.conversationRef(), session.escalationId(), agent,
                    texts(session).agentJoined().replace("{agent}", agent.name())));
            sessions.announced(chatbotId, conversationId);
            LOG.infof("conversation %s: agent %s took it over", conversationId, agent.id());
        }
        return claim;
    }

    /**
     * The owner ends the live chat: the visitor is told and the AI answers again.
     *
     * @return the closed conversation, or empty if it was not (or no longer) {@code agent}'s
     */
    public Optional<Session> end(Session session, AgentRef agent) {
        if (!session.ownedBy(agent.id())) {
            return Optional.empty();
        }
        send(session, new LivechatEnded(null, stableId("livechat.ended", session.chatbotId(), session.conversationId(), session.since().toString()),
                Instant.now(), session.chatbotRef(), session.conversationRef(), agent, texts(session).liveChatEnded()));
        Optional<Session> ended = sessions.end(session.chatbotId(), session.conversationId(), agent.id());
        ended.ifPresent(s -> {
            liveChatsEnded.increment();
            LOG.infof("conversation %s: agent %s ended the live chat", s.conversationId(), agent.id());
        });
        return ended;
    }

    private void send(Session session, Directive directive) {
        directives.sendMessageAndAwait(KafkaRecord.of(session.conversationId(), directive));
    }

    private static VisitorTexts texts(Session session) {
        return VisitorTexts.builtInFor(session.conversationRef().locale());
    }

    private static String stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
