package io.handoff.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.handoff.slack.SlackTestSupport.WAIT;
import static io.handoff.slack.SlackTestSupport.command;
import static io.handoff.slack.SlackTestSupport.connect;
import static io.handoff.slack.SlackTestSupport.kafka;
import static io.handoff.slack.SlackTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The JSON log lines about an escalation carry its ids as MDC fields, whatever their message says. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "slack"))
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(SlackStandInResource.class)
class LogFieldsTest {

    private static final Path LOG = Path.of("target/notifier-slack-test.log");

    private static List<JsonNode> linesMentioning(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LOG)) {
            if (line.contains(text)) {
                lines.add(EventJson.mapper().readTree(line));
            }
        }
        return lines;
    }

    @Test
    void everyLineAboutAnEscalationHasItsChatbotConversationAndEscalationIds() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0LOGS");
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 480, "Please call me " + UUID.randomUUID());
        send(command(escalation, "C0LOGS", false));
        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(escalation.escalationId())
                && r.value().contains("\"delivered\""), WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> lines = linesMentioning(escalation.escalationId());
            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                JsonNode mdc = line.path("mdc");
                assertThat(mdc.path("escalationId").asText()).as(line.path("message").asText())
                        .isEqualTo(escalation.escalationId());
                assertThat(mdc.path("conversationId").asText()).isEqualTo(escalation.conversation().key());
                assertThat(mdc.path("chatbotId").asText()).isEqualTo(chatbot);
            });
        });
        assertThat(linesMentioning(escalation.lastMessage())).as("the visitor's words are not logged").isEmpty();
    }
}
