package io.handoff.slack.messaging;

import io.handoff.events.agent.AgentReply;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/** Hands agents' Slack replies to the live-chat gateway on {@code handoff.agent-commands}, keyed by conversation. */
@ApplicationScoped
public class AgentCommandPublisher {

    private static final Logger LOG = Logger.getLogger(AgentCommandPublisher.class);

    private final MutinyEmitter<AgentReply> emitter;

    public AgentCommandPublisher(@Channel(Channels.AGENT_COMMANDS) MutinyEmitter<AgentReply> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker has the command. */
    public void publish(AgentReply reply) {
        emitter.sendMessageAndAwait(KafkaRecord.of(reply.conversation().id().value(), reply));
        LOG.infof("escalation %s: Slack reply %s from %s passed to the gateway", reply.escalationId(),
                reply.messageId(), reply.agent().id());
    }
}
