package io.handoff.detector.stream;

import io.handoff.events.access.RoleGroups;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Map;

@ConfigMapping(prefix = "handoff.detector")
public interface DetectorConfig {

    /** Kafka Streams application id: instances sharing it share the work and the state. */
    @WithDefault("handoff-trigger-detector")
    String applicationId();

    /** Where local copies of the state stores live; they are rebuilt from the changelog when missing. */
    @WithDefault("${java.io.tmpdir}/handoff-trigger-detector")
    String stateDir();

    /** How many recent messages per conversation are kept and sent to agents as the transcript. */
    @WithDefault("20")
    int windowSize();

    @WithDefault("exactly_once_v2")
    String processingGuarantee();

    /**
     * The native memory all RocksDB stores of one instance share (block cache, memtables, indexes and
     * filters), outside the heap; see {@link BoundedRocksDbMemory}.
     */
    @WithDefault("64M")
    MemorySize rocksdbMemory();

    /** How often conversations are checked for the no-resolution rule. */
    @WithDefault("30s")
    java.time.Duration timerInterval();

    Topics topics();

    /** Any other Kafka Streams property, e.g. {@code handoff.detector.streams."num.stream.threads"=2}. */
    @WithName("streams")
    Map<String, String> streamsOverrides();

    Auth auth();

    /** Who may use the rule tester (docs/detection.md#rule-tester). */
    interface Auth {

        /** Members of this group (the token's {@code groups}) may test any chatbot's rules. */
        @WithDefault(RoleGroups.DEFAULT_ADMIN)
        String adminGroup();

        /** Members of this group may test the rules of the chatbots the token lists. */
        @WithDefault(RoleGroups.DEFAULT_CHATBOT_ADMIN)
        String chatbotAdminGroup();

        /** Agents, who may test the default rules only. */
        @WithDefault(RoleGroups.DEFAULT_AGENT)
        String agentGroup();

        /** The claim that lists the chatbot ids of a chatbot administrator. */
        @WithDefault("chatbots")
        String chatbotsClaim();
    }

    interface Topics {
        @WithDefault("chat.conversation-events")
        String conversationEvents();

        @WithDefault("handoff.escalations")
        String escalations();

        @WithDefault("handoff.directives")
        String directives();

        @WithDefault("handoff.chatbot-settings")
        String chatbotSettings();
    }
}
