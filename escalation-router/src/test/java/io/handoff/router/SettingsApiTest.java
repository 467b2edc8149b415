package io.handoff.router;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static io.handoff.router.Tokens.asAgentOf;
import static io.handoff.router.Tokens.asOwnerOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class SettingsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String create(String chatbot) {
        asAdmin().contentType(ContentType.JSON)
                .body("""
                        {"name": "Shop bot", "email": {"enabled": true, "recipients": "ana@support.test"},
                         "webhook": {"enabled": true, "url": "https://crm.example.com/h", "signingSecret": "s3cret-value"},
                         "responseSlaMinutes": 10}""")
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
        return chatbot;
    }

    @Test
    void withoutAValidTokenTheApiAnswers401WithAProblem() {
        String chatbot = create("bot-" + UUID.randomUUID());
        given().when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().auth().oauth2("not.a.token").when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TokenIssuer.shared().expiredAdmin("admin@example.com"))
                .when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(401);
        String forged = TokenIssuer.generate().admin("mallory@example.com", Duration.ofMinutes(5));
        given().auth().oauth2(forged).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(401);
        given().when().get("/api/v1/chatbots/{id}/escalations", chatbot).then().statusCode(401);
        // the stored settings are untouched by the refused write
        asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot).then().statusCode(200).body("name", equalTo("Shop bot"));
    }

    @Test
    void anOwnerManagesOnlyTheChatbotsTheirTokenLists() throws Exception {
        String mine = create("bot-" + UUID.randomUUID());
        String theirs = create("bot-" + UUID.randomUUID());

        asOwnerOf(mine).when().get("/api/v1/chatbots/{id}/settings", mine).then().statusCode(200);
        asOwnerOf(mine).contentType(ContentType.JSON).body("{\"offerFirst\": false}")
                .when().put("/api/v1/chatbots/{id}/settings", mine).then().statusCode(200);
        asOwnerOf(mine).when().get("/api/v1/chatbots/{id}/settings", theirs)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        asOwnerOf(mine).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/chatbots/{id}/settings", theirs).then().statusCode(403);
        asOwnerOf(mine).when().delete("/api/v1/chatbots/{id}/settings", theirs).then().statusCode(403);
        asOwnerOf(mine).when().get("/api/v1/chatbots/{id}/escalations", theirs).then().statusCode(403);

        EscalationCreated escalation = SampleEvents.escalation(theirs, 5150, "help");
        kafka().send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/escalations/{id}", escalation.escalationId())
                .then().statusCode(200));
        asOwnerOf(mine).when().get("/api/v1/escalations/{id}", escalation.escalationId()).then().statusCode(403);
        asOwnerOf(theirs).when().get("/api/v1/escalations/{id}", escalation.escalationId()).then().statusCode(200);
    }

    @Test
    void anAgentReadsItsChatbotsEscalationsButCannotSeeOrChangeTheirSettings() throws Exception {
        String served = create("bot-" + UUID.randomUUID());
        String patch = "{\"webhook\": {\"url\": \"https://attacker.example/h\"}, \"escalationsEnabled\": false}";

        asAgentOf(served).when().get("/api/v1/chatbots/{id}/settings", served)
                .then().statusCode(403).contentType("application/problem+json")
                .body(not(containsString("crm.example.com")));
        asAgentOf(served).contentType("application/merge-patch+json").body(patch)
                .when().patch("/api/v1/chatbots/{id}/settings", served).then().statusCode(403);
        asAgentOf(served).contentType(ContentType.JSON).body("{\"name\": \"Taken\"}")
                .when().put("/api/v1/chatbots/{id}/settings", served).then().statusCode(403);
        asAgentOf(served).when().delete("/api/v1/chatbots/{id}/settings", served).then().statusCode(403);

        asAgentOf(served).when().get("/api/v1/chatbots/{id}/escalations", served).then().statusCode(200);
        asAgentOf(served).when().get("/api/v1/chatbots/{id}/stats", served).then().statusCode(200);
        asAgentOf("another-bot").when().get("/api/v1/chatbots/{id}/escalations", served).then().statusCode(403);
        // nothing the agent sent took effect
        asAdmin().when().get("/api/v1/chatbots/{id}/settings", served).then().statusCode(200)
                .body("name", equalTo("Shop bot"))
                .body("webhook.url", equalTo("https://crm.example.com/h"))
                .body("escalationsEnabled", equalTo(true));
    }

    @Test
    void aTokenWithoutARoleOrForAnotherAudienceIsRefused() {
        String chatbot = create("bot-" + UUID.randomUUID());
        Instant in10Minutes = Instant.now().plus(Duration.ofMinutes(10));
        // listed for the chatbot, but in no Handoff group
        String noRole = TokenIssuer.shared().token("owner@example.com", null, List.of(), List.of(chatbot),
                List.of(TokenIssuer.API_AUDIENCE), in10Minutes);
        given().auth().oauth2(noRole).when().get("/api/v1/chatbots/{id}/settings", chatbot).then().statusCode(403);
        given().auth().oauth2(noRole).when().get("/api/v1/chatbots/{id}/escalations", chatbot).then().statusCode(403);
        // the right group, signed by the right issuer, but meant for another application
        String otherApp = TokenIssuer.shared().token("owner@example.com", null, List.of(TokenIssuer.CHATBOT_ADMIN_GROUP),
                List.of(chatbot), List.of("billing-app"), in10Minutes);
        given().auth().oauth2(otherApp).when().get("/api/v1/chatbots/{id}/settings", chatbot).then().statusCode(401);
        String noAudience = TokenIssuer.shared().token("owner@example.com", null, List.of(TokenIssuer.CHATBOT_ADMIN_GROUP),
                List.of(chatbot), List.of(), in10Minutes);
        given().auth().oauth2(noAudience).when().get("/api/v1/chatbots/{id}/settings", chatbot).then().statusCode(401);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsKeepsTheSecretAndPublishesTheChange() throws Exception {
        String chatbot = create("bot-" + UUID.randomUUID());
        asAdmin().contentType("application/merge-patch+json")
                .body("{\"responseSlaMinutes\": 30, \"email\": {\"roundRobin\": true}, \"name\": null}")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200)
                .body("responseSlaMinutes", equalTo(30))
                .body("email.roundRobin", equalTo(true))
                .body("email.recipients", equalTo(List.of("ana@support.test")))
                .body("name", nullValue())
                .body("webhook.signingSecretSet", equalTo(true))
                .body(not(containsString("s3cret-value")));

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> snapshots = kafka().readAll(Topics.CHATBOT_SETTINGS, Duration.ofMillis(500))
                    .stream().filter(r -> chatbot.equals(r.key())).toList();
            assertThat(snapshots).isNotEmpty();
            assertThat(snapshots.get(snapshots.size() - 1).value()).contains("\"responseSlaMinutes\":30")
                    .contains("\"signingSecretSet\":true");
        });

        asAdmin().contentType("application/merge-patch+json").body("{\"webhook\": {\"signingSecret\": \"\"}}")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200).body("webhook.signingSecretSet", equalTo(false));
        asAdmin().contentType("application/merge-patch+json").body("{\"email\": {\"recipients\": \"nope\"}}")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(400).body("errors.field", hasItem("email.recipients[0]"));
        asAdmin().contentType("application/merge-patch+json").body("{\"responseSlaMinutes\": 5}")
                .when().patch("/api/v1/chatbots/{id}/settings", "bot-never-created")
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().contentType("application/merge-patch+json").body("[1, 2]")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFieldsAndBadTypesAreNamedWithoutJavaDetails() {
        asAdmin().contentType(ContentType.JSON).body("{\"emial\": {\"enabled\": true}}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-typo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("emial"))
                .body(not(containsString("io.handoff")));
        asAdmin().contentType(ContentType.JSON).body("{\"responseSlaMinutes\": \"soon\"}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-typo")
                .then().statusCode(400)
                .body("errors.field", hasItem("responseSlaMinutes"))
                .body(not(containsString("io.handoff")))
                .body(not(containsString("java.lang")));
        asAdmin().contentType(ContentType.JSON)
                .body("{\"businessHours\": {\"timeZone\": \"Atlantis/Capital\", \"weekly\": {\"monday\": [\"9-5\"]}}}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-typo")
                .then().statusCode(400)
                .body("errors.field", hasItem("businessHours.timeZone"))
                .body("errors.field", hasItem("businessHours.weekly.monday[0]"));
    }

    @Test
    void bodiesThatAreNotOneSettingsObjectAndOversizedOnesAreRefusedAndNothingIsStored() {
        for (String body : List.of("{\"name\": \"x\"} trailing", "{} {}", "{\"name\": \"x\"}}", "null",
                "{\"escalationsEnabled\": \"\"}", "{\"responseSlaMinutes\": \"\"}")) {
            asAdmin().contentType(ContentType.JSON).body(body)
                    .when().put("/api/v1/chatbots/{id}/settings", "bot-strict")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Unreadable request body"));
        }
        // a document this large could not be published as one Kafka record; it is refused before storing
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"" + "x".repeat(300_000) + "\"}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-strict")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Body too large"));
        asAdmin().when().get("/api/v1/chatbots/{id}/settings", "bot-strict").then().statusCode(404);

        create("bot-strict-patch");
        asAdmin().contentType("application/merge-patch+json").body("{\"responseSlaMinutes\": 30} {}")
                .when().patch("/api/v1/chatbots/{id}/settings", "bot-strict-patch")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType("application/merge-patch+json").body("{\"name\": \"" + "y".repeat(300_000) + "\"}")
                .when().patch("/api/v1/chatbots/{id}/settings", "bot-strict-patch")
                .then().statusCode(413).contentType("application/problem+json");
        asAdmin().when().get("/api/v1/chatbots/{id}/settings", "bot-strict-patch")
                .then().statusCode(200).body("name", equalTo("Shop bot")).body("responseSlaMinutes", equalTo(10));
    }

    @Test
    void anIdWithAControlCharacterIsTheCallersMistakeNotADatabaseFailure() {
        asAdmin().when().get("/api/v1/chatbots/{id}/settings", "bot\u0000nul")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid path"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot\u0000nul")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().when().get("/api/v1/escalations/{id}", "esc\u0000nul")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithExamplesAndBearerAuth() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/chatbots/{chatbotId}/settings'.put.requestBody.content.'application/json'.examples.full.value.name",
                        equalTo("My Chatbot"))
                .body("paths.'/api/v1/chatbots/{chatbotId}/settings'.patch", not(nullValue()))
                .body("paths.'/api/v1/chatbots/{chatbotId}/escalations'.get", not(nullValue()))
                .body("paths.'/api/v1/escalations/{escalationId}'.get", not(nullValue()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void webhookUrlsThatPointInsideTheNetworkAreRefusedWhenSaved() {
        for (String url : List.of("http://localhost:8080/hook", "http://127.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/hook", "http://[::1]:9000/hook", "http://192.168.0.10/hook")) {
            asAdmin().contentType(ContentType.JSON)
                    .body("{\"webhook\": {\"enabled\": true, \"url\": \"" + url + "\"}}")
                    .when().put("/api/v1/chatbots/{id}/settings", "bot-ssrf")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("webhook.url"))
                    .body("errors.message", hasItem(containsString("public addresses")));
        }
        asAdmin().contentType(ContentType.JSON)
                .body("{\"webhook\": {\"enabled\": true, \"url\": \"https://8.8.8.8/hook\"}}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-ssrf")
                .then().statusCode(200);
    }
}
