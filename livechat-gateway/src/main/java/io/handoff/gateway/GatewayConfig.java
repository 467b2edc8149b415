package io.handoff.gateway;

import io.handoff.events.access.RoleGroups;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "handoff.gateway")
public interface GatewayConfig {

    Auth auth();

    Inbox inbox();

    Events events();

    Commands commands();

    Console console();

    /** Who an agent is and which chatbots they serve, read from the token they connect with. */
    interface Auth {

        /** A member of this group (the token's {@code groups}) serves every chatbot. */
        @WithDefault(RoleGroups.DEFAULT_ADMIN)
        String adminGroup();

        /** Chatbot administrators: named so that such a token without the agent group is refused. */
        @WithDefault(RoleGroups.DEFAULT_CHATBOT_ADMIN)
        String chatbotAdminGroup();

        /** A member of this group serves the chatbots the token lists. */
        @WithDefault(RoleGroups.DEFAULT_AGENT)
        String agentGroup();

        /** The claim that lists the chatbot ids an agent serves. */
        @WithDefault("chatbots")
        String chatbotsClaim();
    }

    /** The inbox every agent gets on connect. */
    interface Inbox {

        /** How many conversations still with the bot are listed, newest activity first. */
        @WithDefault("50")
        int botLimit();

        /** Only conversations with the bot that were active this recently are listed. */
        @WithDefault("30m")
        Duration botWindow();
    }

    /** The log of what agents are told, which reconnecting agents catch up from. */
    interface Events {

        /** How long events are kept for reconnecting agents. */
        @WithDefault("7d")
        Duration retention();

        /** How often the log is read when no notification came (notifications make it immediate). */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * The most missed events sent on a reconnect with {@code after}: the newest ones. The inbox is
         * complete whatever the number; older missed events are history the agent can do without.
         */
        @WithDefault("1000")
        int maxMissed();
    }

    /** Agents' commands over the WebSocket. */
    interface Commands {

        /** The longest message an agent may send, in characters. */
        @WithDefault("4000")
        int maxTextLength();

        /** Threads that carry out agents' commands (database and Kafka calls). */
        @WithDefault("16")
        int threads();

        /** The largest text frame an agent may send, in characters; a larger one closes the connection (1009). */
        @WithDefault("16384")
        int maxFrameLength();

        /**
         * Commands of one connection waiting to be carried out; one more closes the connection (1008), so
         * an agent that floods cannot hold the workers or the memory.
         */
        @WithDefault("32")
        int maxQueued();

        /**
         * Bytes written to one connection and not yet taken by the agent's browser; a connection that does
         * not read falls this far behind and is closed (1008) instead of piling up frames.
         */
        @WithDefault("1048576")
        int maxUnsentBytes();
    }

    /** The agent console the gateway serves at {@code /console/}. */
    interface Console {

        /**
         * Where agents' browsers reach the escalation router's API, whose statistics the console
         * shows: scheme, host and port, no path. Unless it is the console's own origin, the router
         * must allow the console's origin (CORS).
         */
        @WithDefault("http://localhost:8082")
        String statsApiUrl();
    }
}
