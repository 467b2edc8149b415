package io.handoff.router.messaging;

import io.handoff.events.directive.Directive;
import io.handoff.events.directive.EscalationOffered;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.router.persistence.ActivityRepository;
import io.handoff.router.persistence.FollowUpRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from the live-chat gateway when an agent answered an escalation and when live chat ended:
 * the first response stops the SLA reminder, and both times are part of escalation tracking. The
 * other directives on the topic are for the chat service and are passed over.
 */
@ApplicationScoped
public class LivechatConsumer {

    private final EventDecoder decoder = new EventDecoder();
    private final FollowUpRepository followUps;
    private final ActivityRepository activity;

    public LivechatConsumer(FollowUpRepository followUps, ActivityRepository activity) {
        this.followUps = followUps;
        this.activity = activity;
    }

    @Incoming(Channels.LIVECHAT)
    @Blocking
    public void record(String value) throws InvalidEventException {
        Directive directive = decoder.decode(value, Directive.class);
        if (directive instanceof LivechatStarted started) {
            followUps.recordResponse(started.escalationId(), started.conversation().key(),
                    agentName(started), started.occurredAt());
        } else if (directive instanceof LivechatEnded ended) {
            followUps.recordResolution(ended.conversation().key(), ended.occurredAt());
        } else if (directive instanceof EscalationOffered offered) {
            activity.offered(offered.chatbot().key(), offered.conversation().key(), offered.occurredAt());
        }
    }

    private static String agentName(LivechatStarted started) {
        if (started.agent() == null) {
            return null;
        }
        return started.agent().name() != null ? started.agent().name() : started.agent().id();
    }
}
