package io.handoff.router.persistence;

import io.handoff.events.settings.ChatbotSettings;

import java.time.Instant;

/** A chatbot's settings as stored, with the signing secret attached when one is set. */
public record StoredSettings(String chatbotId, ChatbotSettings settings, long version, Instant updatedAt) {
}
