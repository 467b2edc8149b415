package io.handoff.events.settings;

import io.handoff.events.Event;

import java.time.Instant;

/**
 * The whole current settings of one chatbot, on the compacted {@code handoff.chatbot-settings} topic
 * keyed by chatbot id. The latest record per key wins; a tombstone (null value) means the settings were
 * deleted. Secrets are never included.
 *
 * @param version increases with every change, so a consumer can ignore an older snapshot
 */
public record ChatbotSettingsSnapshot(String type, String eventId, Instant occurredAt,
                                      String chatbotId, long version, ChatbotSettings settings) implements Event {

    public static final String TYPE = "chatbot.settings";

    public ChatbotSettingsSnapshot {
        type = TYPE;
    }
}
