package io.handoff.events.notify;

import io.handoff.events.Event;

import java.util.List;

/** What {@code handoff.notify.email} carries: an escalation email or an alert to a chatbot's admins. */
public interface EmailCommand extends Event {

    /** The same for every copy of the command; with a recipient, what is emailed at most once. */
    String deliveryId();

    List<String> recipients();

    /** Language of the email; English when null or unknown. */
    String locale();
}
