package io.handoff.slack.messaging;

import io.handoff.events.directive.Directive;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.json.EventCatalog;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.slack.service.SlackFailure;
import io.handoff.slack.service.ThreadUpdates;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows live chat on {@code handoff.directives} to keep escalation threads current. Directives of
 * one conversation share a partition and are handled in order, so "joined" is never posted after
 * "ended".
 */
@ApplicationScoped
public class DirectiveConsumer {

    private final EventDecoder decoder = new EventDecoder();
    private final ThreadUpdates updates;

    public DirectiveConsumer(ThreadUpdates updates) {
        this.updates = updates;
    }

    @Incoming(Channels.DIRECTIVES)
    @Blocking
    public void follow(String value) throws InvalidEventException, SlackFailure {
        Directive directive = decoder.decode(value, EventCatalog.DIRECTIVES);
        try (LogIds ids = LogIds.of(directive)) {
            if (directive instanceof LivechatStarted started) {
                updates.agentJoined(started.chatbot().key(), started.conversation().id().value(),
                        started.escalationId(), started.agent());
            } else if (directive instanceof LivechatEnded ended) {
                updates.liveChatEnded(ended.chatbot().key(), ended.conversation().id().value(), ended.agent());
            }
        }
    }
}
