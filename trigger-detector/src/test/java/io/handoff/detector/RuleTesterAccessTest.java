package io.handoff.detector;

import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.events.settings.DetectionRules;
import io.handoff.events.settings.HandoffLevel;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The rule tester as an outsider reaches it: it explains what the detector would do, applies a chatbot's
 * private rules only for that chatbot's administrators, and refuses requests beyond the event contract's
 * bounds with the field named.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
class RuleTesterAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PATH = "/api/v1/triggers/evaluate";
    private static final String SECRET_TOPIC = "project zephyr";
    private static KafkaTestClient kafka;
    private static String privateBot;

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
        privateBot = "private-" + UUID.randomUUID();
        kafka.send(Topics.CHATBOT_SETTINGS, privateBot, EventJson.mapper().writeValueAsString(new ChatbotSettingsSnapshot(
                null, UUID.randomUUID().toString(), Instant.now(), privateBot, 1, new ChatbotSettings("Private", true,
                HandoffLevel.BALANCED, false, false, new DetectionRules(List.of(SECRET_TOPIC), null, null, null, null, null),
                null, null, null, null, null, null, null))));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static Map<String, Object> asking(String text) {
        return Map.of("messages", List.of(Map.of("role", "visitor", "text", text)));
    }

    private static Map<String, Object> askingFor(Object chatbotId, String text) {
        return Map.of("chatbotId", chatbotId, "messages", List.of(Map.of("role", "visitor", "text", text)));
    }

    @Test
    void explainsTheSignalsOfTheLastMessage() {
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"assistant\", \"text\": \"Not sure.\", \"ai\": {\"confidence\": 0.2}},"
                        + " {\"role\": \"visitor\", \"text\": \"Can I talk to a person?\"}]}")
                .when().post(PATH)
                .then().statusCode(200)
                .body("action", equalTo("offer"))
                .body("signals[0].type", equalTo("human_request"))
                .body("trigger.type", equalTo("human_request"));
    }

    @Test
    void aRequestWithoutAValidTokenForTheApiIsRefused() {
        given().contentType(ContentType.JSON).body(asking("Can I talk to a person?"))
                .when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        String admin = TokenIssuer.shared().admin("admin@example.com", Duration.ofMinutes(5));
        given().auth().oauth2(admin.substring(0, admin.length() - 4) + "AAAA").contentType(ContentType.JSON)
                .body(asking("hi")).when().post(PATH).then().statusCode(401);
        given().auth().oauth2(TokenIssuer.shared().expiredAdmin("admin@example.com")).contentType(ContentType.JSON)
                .body(asking("hi")).when().post(PATH).then().statusCode(401);
        // a console token is meant for the gateway, not for the APIs
        given().auth().oauth2(TokenIssuer.shared().agent("agent-1", "Kim", List.of(privateBot), Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(asking("hi")).when().post(PATH).then().statusCode(401);
    }

    @Test
    void aChatbotsPrivateRulesAreAppliedForItsAdministratorsOnly() {
        await().atMost(WAIT).untilAsserted(() -> RuleTesterCalls.asAdminOf(privateBot).contentType(ContentType.JSON)
                .body(askingFor(privateBot, "Tell me about " + SECRET_TOPIC))
                .when().post(PATH)
                .then().statusCode(200).body("trigger.type", equalTo("restricted_topic"))
                .body("trigger.evidence", containsString("zephyr")));

        RuleTesterCalls.asAdminOf("someone-elses-bot").contentType(ContentType.JSON)
                .body(askingFor(privateBot, "Tell me about " + SECRET_TOPIC))
                .when().post(PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body(not(containsString("zephyr")));
        // without a chatbot, the defaults: nobody's private topics
        RuleTesterCalls.asAdminOf("someone-elses-bot").contentType(ContentType.JSON)
                .body(asking("Tell me about " + SECRET_TOPIC))
                .when().post(PATH)
                .then().statusCode(200).body(not(containsString("restricted_topic")));
    }

    @Test
    void aChatbotIdThatIsBlankOrNotAnIdIsABadRequest() {
        for (Object chatbotId : List.of("", "   ", Map.of("id", "x"), List.of("x"), true, "bot\u0000id", "b".repeat(201))) {
            RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body(askingFor(chatbotId, "hi"))
                    .when().post(PATH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("chatbotId"));
        }
    }

    @Test
    void requestsBeyondTheEventContractsBoundsAreRefusedWithTheFieldNamed() {
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body(asking("a".repeat(32 * 1024 + 1)))
                .when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("messages[0].text"));
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("role", "visitor", "text", "hello " + i));
        }
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body(Map.of("messages", many))
                .when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("messages"));
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body("{\"messages\": [{\"role\": \"robot\", \"text\": \"hi\"}]}")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("messages[0].role"));
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body("{oops")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body("{\"messages\": [], \"x\": \"" + "a".repeat(3 * 1024 * 1024) + "\"}")
                .when().post(PATH)
                .then().statusCode(413).contentType("application/problem+json");
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"visitor\", \"text\": \"hi\", \"ai\": {\"confidence\": 7}}]}")
                .when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("messages[0].ai.confidence"));
    }

    @Test
    void aConversationOfTheLargestMessagesIsAnsweredNotRefused() {
        // the largest texts the contract allows, each of distinct words, repeated: the repeated-question
        // comparison must not grow with the square of the text
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 32 * 1024 - 20; i++) {
            text.append("word").append(Integer.toString(i, 36)).append(' ');
        }
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            messages.add(Map.of("role", "visitor", "text", text.toString()));
        }
        RuleTesterCalls.asAdmin().contentType(ContentType.JSON).body(Map.of("messages", messages))
                .when().post(PATH)
                .then().statusCode(200).body("action", not(equalTo(null)));
    }
}
