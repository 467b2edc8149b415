package io.handoff.router.messaging;

import io.handoff.events.directive.Directive;
import io.handoff.events.directive.EscalationOffered;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.router.persistence.ActivityRepository;
import io.handoff.router.persistence.FollowUpRepository;
import io.handoff.router.service.RouterMetrics;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.time.Instant;

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
    private final RouterMetrics metrics;

    public LivechatConsumer(FollowUpRepository followUps, ActivityRepository activity, RouterMetrics metrics) {
        this.followUps = followUps;
        this.activity = activity;
        this.metrics = metrics;
    }

    @Incoming(Channels.LIVECHAT)
    @Blocking
    public void record(String value) throws InvalidEventException {
        Directive directive = decoder.decode(value, Directive.class);
        try (LogIds ids = LogIds.of(directive)) {
            if (directive instanceof LivechatStarted started) {
                for (Instant created : followUps.recordResponse(started.chatbot().key(), started.escalationId(), started.conversation().key(),
                        agentName(started), started.occurredAt())) {
                    metrics.firstResponse(Duration.between(created, started.occurredAt()));
                }
            } else if (directive instanceof LivechatEnded ended) {
                for (Instant created : followUps.recordResolution(ended.chatbot().key(), ended.conversation().key(), ended.occurredAt())) {
                    metrics.resolved(Duration.between(created, ended.occurredAt()));
                }
            } else if (directive instanceof EscalationOffered offered) {
                activity.offered(offered.chatbot().key(), offered.conversation().key(), offered.occurredAt());
            }
        }
    }

    private static String agentName(LivechatStarted started) {
        if (started.agent() == null) {
            return null;
        }
        return started.agent().name() != null ? started.agent().name() : started.agent().id();
    }
}
