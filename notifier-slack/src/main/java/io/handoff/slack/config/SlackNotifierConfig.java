package io.handoff.slack.config;

import io.handoff.events.access.RoleGroups;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "handoff.slack")
public interface SlackNotifierConfig {

    /** Prefix of Slack Web API method URLs; tests and the local stack point it at a stand-in. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** Where browsers and Slack reach this service; the OAuth redirect URL is built from it. */
    @WithDefault("http://localhost:8084")
    String publicUrl();

    /** Slack's page that asks a workspace admin to install the app. */
    @WithDefault("https://slack.com/oauth/v2/authorize")
    String authorizeUrl();

    /** The Slack app's client id (Basic Information page). Needed for the OAuth install flow only. */
    Optional<String> clientId();

    /** The Slack app's client secret. Never logged. */
    Optional<String> clientSecret();

    /** The Slack app's signing secret, used to verify Events API requests. Never logged. */
    Optional<String> signingSecret();

    /**
     * Bot scopes asked for at install: posting, reading the threads of channels the bot is in, agents'
     * names, and {@code incoming-webhook} so the installer picks the channel.
     */
    @WithDefault("chat:write,channels:history,groups:history,users:read,incoming-webhook")
    List<String> scopes();

    /** How long an install link stays usable. */
    @WithDefault("10m")
    Duration installLinkTtl();

    /** Waits between attempts after a transient failure (5xx, timeouts); its size sets the number of retries. */
    @WithDefault("1s,5s,15s")
    List<Duration> retryDelays();

    /** The longest {@code Retry-After} honoured by waiting; a longer one fails the attempt for a later retry. */
    @WithDefault("60s")
    Duration maxRetryAfter();

    Auth auth();

    /** Who may connect Slack for which chatbot (docs/settings-api.md#authentication). */
    interface Auth {
        /** Members of this group (the {@code groups} claim) administer every chatbot. */
        @WithDefault(RoleGroups.DEFAULT_ADMIN)
        String adminGroup();

        /** Members of this group administer the chatbots the token lists. */
        @WithDefault(RoleGroups.DEFAULT_CHATBOT_ADMIN)
        String chatbotAdminGroup();

        /** Agents: named so that an agent's token is told apart, and refused, here. */
        @WithDefault(RoleGroups.DEFAULT_AGENT)
        String agentGroup();

        /** The claim that lists the chatbot ids a chatbot administrator acts for. */
        @WithDefault("chatbots")
        String chatbotsClaim();
    }
}
