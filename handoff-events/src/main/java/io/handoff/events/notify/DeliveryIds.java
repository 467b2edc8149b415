package io.handoff.events.notify;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Derives delivery ids. The same escalation, channel and target always give the same id, so a
 * command the router sends again after a crash is recognised by the notifier and by the receiver.
 */
public final class DeliveryIds {

    private DeliveryIds() {
    }

    public static String of(String escalationId, DeliveryChannel channel, String target) {
        String name = escalationId + "|" + channel.name().toLowerCase(Locale.ROOT) + "|" + target;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A reminder is a separate delivery to the same target. */
    public static String ofReminder(String escalationId, DeliveryChannel channel, String target, int reminderNumber) {
        return of(escalationId + "#reminder-" + reminderNumber, channel, target);
    }
}
