package io.handoff.gateway;

import io.handoff.events.AgentRef;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.directive.AgentMessage;
import io.handoff.events.directive.Directive;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.settings.VisitorTexts;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Carries out agents' replies from outside the console ({@code agent.reply} from Slack threads) by the
 * same rules as the console: the first reply to a waiting conversation claims it and the visitor is
 * told the agent joined ({@code livechat.started}, the AI stops), then every reply of the agent who
 * holds it reaches the visitor ({@code agent.message}). A reply to a conversation someone else holds,
 * or one that is not open, is refused with the reason on {@code handoff.agent-commands.dlq}.
 *
 * <p>Redelivery is safe: each step is recorded only after the broker has its directive, and the
 * directives' event ids are derived from what they announce, so a repeat carries the same ids.
 */
@ApplicationScoped
public class AgentCommandConsumer {

    public static final String AGENT_COMMANDS = "agent-commands";
    public static final String DIRECTIVES = "directives";

    private static final Logger LOG = Logger.getLogger(AgentCommandConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final AgentClaims claims;
    private final MutinyEmitter<Directive> directives;

    public AgentCommandConsumer(AgentClaims claims, @Channel(DIRECTIVES) MutinyEmitter<Directive> directives) {
        this.claims = claims;
        this.directives = directives;
    }

    @Incoming(AGENT_COMMANDS)
    @Blocking
    public void carryOut(String value) throws InvalidEventException, RejectedCommandException {
        AgentReply reply = decoder.decode(value, AgentReply.class);
        String conversation = reply.conversation().key();
        if (claims.alreadySent(reply.messageId())) {
            LOG.debugf("agent message %s already passed on", reply.messageId());
            return;
        }
        AgentClaims.Claim claim = claims.claim(reply.chatbot().key(), conversation, reply.agent().id(), name(reply.agent()));
        switch (claim.outcome()) {
            case TAKEN:
                throw new RejectedCommandException("conversation " + conversation + " is live with another agent ("
                        + claim.agentName() + "); the reply from " + reply.agent().id() + " was not shown to the visitor");
            case NOT_OPEN:
                throw new RejectedCommandException("conversation " + conversation + " has no open escalation (the "
                        + "chatbot answers or live chat ended); the reply from " + reply.agent().id()
                        + " was not shown to the visitor");
            default:
                break;
        }
        if (!claim.announced()) {
            send(conversation, new LivechatStarted(null, stableId("livechat.started", reply.escalationId(),
                    reply.agent().id()), Instant.now(), reply.chatbot(), reply.conversation(), reply.escalationId(),
                    reply.agent(), joinedText(reply)));
            claims.announced(conversation);
            LOG.infof("conversation %s: %s took it over from %s", conversation, reply.agent().id(), reply.source());
        }
        send(conversation, new AgentMessage(null, stableId("agent.message", reply.messageId()), Instant.now(),
                reply.chatbot(), reply.conversation(), reply.agent(), reply.messageId(), reply.text()));
        claims.sent(reply.messageId(), conversation, reply.agent().id());
    }

    private void send(String conversation, Directive directive) {
        directives.sendMessageAndAwait(KafkaRecord.of(conversation, directive));
    }

    private static String joinedText(AgentReply reply) {
        return VisitorTexts.builtInFor(reply.conversation().locale()).agentJoined().replace("{agent}", name(reply.agent()));
    }

    private static String name(AgentRef agent) {
        return agent.name() != null && !agent.name().isBlank() ? agent.name() : "An agent";
    }

    private static String stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
