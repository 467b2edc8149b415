package io.handoff.gateway;

import io.handoff.events.AgentRef;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Carries out agents' replies from outside the console ({@code agent.reply} from Slack threads) by the
 * same rules as the console ({@link LiveChat}). A reply to a conversation someone else holds, or one
 * that is not open, is refused with the reason on {@code handoff.agent-commands.dlq}.
 */
@ApplicationScoped
public class AgentCommandConsumer {

    public static final String AGENT_COMMANDS = "agent-commands";

    private final EventDecoder decoder = new EventDecoder();
    private final LiveChat liveChat;

    public AgentCommandConsumer(LiveChat liveChat) {
        this.liveChat = liveChat;
    }

    @Incoming(AGENT_COMMANDS)
    @Blocking
    public void carryOut(String value) throws InvalidEventException, RejectedCommandException {
        AgentReply reply = decoder.decode(value, AgentReply.class);
        try (LogIds ids = LogIds.of(reply.chatbot().key(), reply.conversation().key(), reply.escalationId())) {
            carryOut(reply);
        }
    }

    private void carryOut(AgentReply reply) throws RejectedCommandException {
        String conversation = reply.conversation().key();
        AgentRef agent = new AgentRef(reply.agent().id(), name(reply.agent()));
        LiveChat.Reply result = liveChat.reply(reply.chatbot().key(), conversation, agent, reply.messageId(), reply.text());
        switch (result.result()) {
            case TAKEN:
                throw new RejectedCommandException("conversation " + conversation + " is live with another agent ("
                        + result.session().agentName() + "); the reply from " + agent.id() + " was not shown to the visitor");
            case NOT_OPEN:
                throw new RejectedCommandException("conversation " + conversation + " has no open escalation (the "
                        + "chatbot answers or live chat ended); the reply from " + agent.id()
                        + " was not shown to the visitor");
            default:
                break;
        }
    }

    private static String name(AgentRef agent) {
        return agent.name() != null && !agent.name().isBlank() ? agent.name() : "An agent";
    }
}
