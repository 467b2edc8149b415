package io.handoff.events.notify;

import io.handoff.events.Event;
import io.handoff.events.escalation.EscalationCreated;

/**
 * What the router asks one notifier to deliver, keyed by escalation id.
 *
 * <p>{@code deliveryId} identifies one delivery to one target and is derived from the escalation, the
 * channel and the target, so a redelivered command carries the same id and a notifier can tell a
 * repeat from new work.
 */
public interface NotifyCommand extends Event {

    String deliveryId();

    EscalationCreated escalation();

    /** Where the agent opens the conversation. */
    String inboxUrl();

    /** True for an SLA follow-up about an escalation nobody answered yet. */
    boolean reminder();
}
