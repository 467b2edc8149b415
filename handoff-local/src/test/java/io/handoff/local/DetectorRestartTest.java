package io.handoff.local;

import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.events.settings.DetectionRules;
import io.handoff.events.settings.HandoffLevel;
import io.handoff.testing.FreePorts;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged detector is killed (SIGKILL) in the middle of a conversation. A new instance, with an
 * empty local state directory, restores the conversation from the changelog: the next message still
 * sees the earlier ones.
 */
class DetectorRestartTest {

    @TempDir
    Path work;

    @Test
    void aNewInstanceContinuesTheConversationAKilledOneWasFollowing() throws Exception {
        Path root = Path.of(Objects.requireNonNull(System.getProperty("handoff.root"), "handoff.root"));
        String bot = "bot-" + UUID.randomUUID();
        String conversation = "c-" + UUID.randomUUID();
        VisitorRef visitor = SampleEvents.visitor(null);
        try (KafkaBroker kafka = KafkaBroker.start(3);
             KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            kafka.createHandoffTopics(3);
            // escalate when a conversation goes beyond two visitor messages, at once and without an email
            ChatbotSettings settings = new ChatbotSettings("My Chatbot", true, HandoffLevel.BALANCED, false, false,
                    new DetectionRules(null, null, 2, null, null, null), null, null, null, null, null, null, null);
            client.send(Topics.CHATBOT_SETTINGS, bot, EventJson.mapper().writeValueAsString(
                    new ChatbotSettingsSnapshot(null, UUID.randomUUID().toString(), Instant.now(), bot, 1, settings)));
            List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

            ServiceProcess first = ServiceProcess.start(root, "trigger-detector", FreePorts.find(),
                    config(kafka, work.resolve("state-first")), jvm, work.resolve("logs-first"));
            try {
                first.awaitReady(Duration.ofMinutes(2));
                client.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(
                        SampleEvents.visitorMessage(bot, conversation, visitor, "Where is my order 1234?")));
                client.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(
                        SampleEvents.visitorMessage(bot, conversation, visitor, "It was due last Friday")));
                // the state holding both messages is in the committed changelog of the conversation store;
                // the record cache may fold the two updates into one changelog record
                // the store is keyed by chatbot and conversation (the detector's ConversationKey)
                String stateKey = bot.length() + ":" + bot + "|" + conversation;
                client.awaitRecord("handoff-trigger-detector-conversations-changelog",
                        r -> stateKey.equals(r.key()) && r.value() != null
                                && r.value().contains("It was due last Friday")
                                && r.value().contains("Where is my order 1234?"),
                        Duration.ofSeconds(60));
            } finally {
                first.kill();
            }

            try (ServiceProcess second = ServiceProcess.start(root, "trigger-detector", FreePorts.find(),
                    config(kafka, work.resolve("state-second")), jvm, work.resolve("logs-second"))) {
                second.awaitReady(Duration.ofMinutes(2));
                client.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(
                        SampleEvents.visitorMessage(bot, conversation, visitor, "Any news?")));

                ConsumerRecord<String, String> escalation = client.awaitRecord(Topics.ESCALATIONS,
                        r -> conversation.equals(r.key()), Duration.ofSeconds(90));
                var event = EventJson.mapper().readTree(escalation.value());
                assertThat(event.get("trigger").get("type").asText()).isEqualTo("message_count");
                assertThat(event.get("transcript")).extracting(t -> t.get("text").asText())
                        .containsExactly("Where is my order 1234?", "It was due last Friday", "Any news?");
            }
        }
    }

    private static Map<String, String> config(KafkaBroker kafka, Path stateDir) {
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "handoff.detector.state-dir", stateDir.toString(),
                // the killed instance leaves the group only when its session times out
                "handoff.detector.streams.\"consumer.session.timeout.ms\"", "6000",
                "handoff.detector.streams.\"consumer.heartbeat.interval.ms\"", "1000");
    }
}
