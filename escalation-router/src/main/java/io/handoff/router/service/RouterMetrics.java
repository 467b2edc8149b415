package io.handoff.router.service;

import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.NotifyCommand;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The router's metrics (docs/operations.md lists them with their Prometheus names): escalations
 * received and routed, the notifications and reminders planned, the delivery reports read back, and
 * how long agents took to answer and to resolve. Counted where the router acts, once per escalation:
 * a redelivered escalation that the router has already routed is not counted again.
 */
@ApplicationScoped
public class RouterMetrics {

    private static final String OTHER = "other";
    private static final String NONE = "none";

    /** Trigger types are free text in the event; anything else is tagged {@code other} to keep the series few. */
    private static final Set<String> TRIGGERS = Set.of(SignalType.HUMAN_REQUEST, SignalType.FRUSTRATION,
            SignalType.REPEATED_QUESTION, SignalType.RESTRICTED_TOPIC, SignalType.KEYWORD, SignalType.AI_LOW_CONFIDENCE,
            SignalType.AI_HANDOFF_SUGGESTED, SignalType.MESSAGE_COUNT, SignalType.NO_RESOLUTION_TIME);

    /** Agents answer in minutes and resolve in minutes to hours; the buckets span both. */
    private static final Duration[] HUMAN_TIME_BUCKETS = {
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24)};

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new HashMap<>();
    private final Map<DeliveryChannel, Counter> notifications = new EnumMap<>(DeliveryChannel.class);
    private final Map<DeliveryChannel, Counter> reminders = new EnumMap<>(DeliveryChannel.class);
    private final Counter routed;
    private final Counter unrouted;
    private final Timer firstResponse;
    private final Timer resolution;

    public RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every known series from the start, at zero, so rates and dashboards need no special case
        for (String trigger : TRIGGERS) {
            received.put(trigger, receivedCounter(trigger));
        }
        for (String trigger : List.of(OTHER, NONE)) {
            received.put(trigger, receivedCounter(trigger));
        }
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            notifications.put(channel, channelCounter("handoff.router.notifications",
                    "Notifications sent when escalations were routed, by channel", channel));
            reminders.put(channel, channelCounter("handoff.router.reminders", "SLA reminders sent, by channel", channel));
        }
        this.routed = Counter.builder("handoff.router.escalations.routed")
                .description("Escalations sent to at least one channel")
                .register(registry);
        this.unrouted = Counter.builder("handoff.router.escalations.unrouted")
                .description("Escalations nobody was notified of: no settings, escalations off, or no usable channel")
                .register(registry);
        this.firstResponse = Timer.builder("handoff.router.first.response")
                .description("From an escalation's creation to the first agent taking the conversation over")
                .serviceLevelObjectives(HUMAN_TIME_BUCKETS)
                .register(registry);
        this.resolution = Timer.builder("handoff.router.resolution")
                .description("From an escalation's creation to the end of its live chat")
                .serviceLevelObjectives(HUMAN_TIME_BUCKETS)
                .register(registry);
    }

    /** A new escalation (not a redelivery) arrived. */
    public void received(EscalationCreated escalation) {
        String trigger = escalation.trigger() == null ? NONE : escalation.trigger().type();
        received.getOrDefault(trigger, received.get(OTHER)).increment();
    }

    /** The escalation was routed: these commands went out. */
    public void routed(Iterable<? extends NotifyCommand> commands) {
        routed.increment();
        for (NotifyCommand command : commands) {
            notifications.get(channelOf(command)).increment();
        }
    }

    public void unrouted() {
        unrouted.increment();
    }

    /** An SLA reminder went out on {@code channel}. */
    public void reminded(DeliveryChannel channel) {
        reminders.get(channel).increment();
    }

    public void firstResponse(Duration sinceEscalation) {
        firstResponse.record(nonNegative(sinceEscalation));
    }

    public void resolved(Duration sinceEscalation) {
        resolution.record(nonNegative(sinceEscalation));
    }

    /** A notifier reported an attempt. */
    public void deliveryReported(DeliveryResult result) {
        Counter.builder("handoff.router.deliveries")
                .description("Delivery reports read from the notifiers, by channel and status")
                .tag("channel", result.channel().name().toLowerCase(Locale.ROOT))
                .tag("status", result.status().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    private Counter receivedCounter(String trigger) {
        return Counter.builder("handoff.router.escalations.received")
                .description("New escalations received, by the type of the signal that triggered them")
                .tag("trigger", trigger)
                .register(registry);
    }

    private Counter channelCounter(String name, String description, DeliveryChannel channel) {
        return Counter.builder(name)
                .description(description)
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private static DeliveryChannel channelOf(NotifyCommand command) {
        if (command instanceof NotifyEmail) {
            return DeliveryChannel.EMAIL;
        }
        return command instanceof NotifySlack ? DeliveryChannel.SLACK : DeliveryChannel.WEBHOOK;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
