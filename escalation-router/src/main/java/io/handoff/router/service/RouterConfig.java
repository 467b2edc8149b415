package io.handoff.router.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "handoff.router")
public interface RouterConfig {

    /**
     * Where agents open a conversation; {@code {chatbotId}}, {@code {conversationId}} and
     * {@code {visitorId}} are replaced. Points at the live-chat gateway's console by default.
     */
    @WithDefault("http://localhost:8086/console/?chatbot={chatbotId}&conversation={conversationId}")
    String inboxUrl();

    Reminders reminders();

    /** The SLA follow-up. */
    interface Reminders {

        /** How often due reminders are looked for. */
        @WithDefault("5s")
        Duration pollInterval();

        /** How many due reminders one replica claims per look. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed reminder stays hidden from other replicas while this one sends it. */
        @WithDefault("60s")
        Duration lease();
    }
}
