package io.handoff.router.service;

import io.handoff.events.access.RoleGroups;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "handoff.router")
public interface RouterConfig {

    /**
     * Where agents open a conversation; {@code {chatbotId}}, {@code {conversationId}} and
     * {@code {visitorId}} are replaced. Points at the live-chat gateway's console by default.
     */
    @WithDefault("http://localhost:8086/console/?chatbot={chatbotId}&conversation={conversationId}")
    String inboxUrl();

    Reminders reminders();

    Auth auth();

    Webhook webhook();

    /** Checks on webhook URLs when settings are saved. */
    interface Webhook {

        /**
         * Address ranges a webhook URL may point to although they are not public, e.g.
         * {@code 127.0.0.0/8} for development. Empty in production: only public addresses.
         */
        Optional<List<String>> allowedNetworks();
    }

    /** Who may do what with which chatbot, read from the caller's token (docs/settings-api.md#authentication). */
    interface Auth {

        /** A member of this group (the token's {@code groups}) administers every chatbot. */
        @WithDefault(RoleGroups.DEFAULT_ADMIN)
        String adminGroup();

        /** A member of this group administers the chatbots the token lists: their settings. */
        @WithDefault(RoleGroups.DEFAULT_CHATBOT_ADMIN)
        String chatbotAdminGroup();

        /** A member of this group is an agent of the chatbots the token lists: reads their escalations. */
        @WithDefault(RoleGroups.DEFAULT_AGENT)
        String agentGroup();

        /** The claim that lists the chatbot ids a chatbot administrator or agent acts for. */
        @WithDefault("chatbots")
        String chatbotsClaim();
    }

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
