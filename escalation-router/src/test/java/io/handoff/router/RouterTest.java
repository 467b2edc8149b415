package io.handoff.router;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.router.persistence.EscalationRepository;
import io.handoff.router.persistence.SlackConnectionRepository;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class RouterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String settingsJson() {
        return """
                {"name": "My Chatbot",
                 "offerFirst": false,
                 "email": {"enabled": true, "recipients": "ana@support.test; bo@support.test"},
                 "slack": {"enabled": true, "channel": "C0SUPPORT"},
                 "webhook": {"enabled": true, "url": "https://crm.example.com/hooks/handoff", "signingSecret": "top-secret-value"},
                 "responseSlaMinutes": 30}
                """;
    }

    @Inject
    SlackConnectionRepository slackConnections;

    @Test
    void storesSettingsWithoutEverReturningOrPublishingTheSecret() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackWorkspaces.connect(slackConnections, chatbot, "T0ACME", "C0CONNECTED");
        asAdmin().contentType(ContentType.JSON).body(settingsJson())
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200)
                .body("email.recipients", equalTo(List.of("ana@support.test", "bo@support.test")))
                .body("webhook.signingSecretSet", equalTo(true))
                .body("webhook.signingSecret", nullValue())
                .body(not(containsString("top-secret-value")));

        asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200)
                .body("webhook.url", equalTo("https://crm.example.com/hooks/handoff"))
                .body("webhook.signingSecretSet", equalTo(true))
                .body(not(containsString("top-secret-value")));

        ConsumerRecord<String, String> snapshot = kafka().awaitRecord(Topics.CHATBOT_SETTINGS,
                r -> chatbot.equals(r.key()), WAIT);
        assertThat(snapshot.value()).contains("\"type\":\"chatbot.settings\"").contains("\"signingSecretSet\":true")
                .doesNotContain("top-secret-value");
    }

    @Test
    void rejectsInvalidSettingsWithAProblemNamingTheField() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"email\": {\"enabled\": true, \"recipients\": \"ana@support.test;not-an-email\"},"
                        + " \"webhook\": {\"enabled\": true, \"url\": \"ftp://example.com\"}}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-invalid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email.recipients[1]"))
                .body("errors.field", hasItem("webhook.url"));

        asAdmin().contentType(ContentType.JSON).body("{\"handoffLevel\": \"sometimes\"}")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-invalid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("handoffLevel"))
                .body(not(containsString("at io.")));

        asAdmin().contentType(ContentType.JSON).body("{not json")
                .when().put("/api/v1/chatbots/{id}/settings", "bot-invalid")
                .then().statusCode(400)
                .contentType("application/problem+json");

        asAdmin().when().get("/api/v1/chatbots/{id}/settings", "bot-unknown")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void routesAnEscalationToEveryEnabledChannelOnceAndConfirmsToTheVisitor() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackWorkspaces.connect(slackConnections, chatbot, "T0ACME", "C0CONNECTED");
        asAdmin().contentType(ContentType.JSON).body(settingsJson())
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 456, "I need to speak with someone");
        String json = EventJson.mapper().writeValueAsString(escalation);
        kafka().send(Topics.ESCALATIONS, escalation.conversation().key(), json);

        String id = escalation.escalationId();
        ConsumerRecord<String, String> email = kafka().awaitRecord(Topics.NOTIFY_EMAIL, r -> id.equals(r.key()), WAIT);
        assertThat(email.value()).contains("ana@support.test", "bo@support.test", "\"expectedResponseMinutes\":30");
        ConsumerRecord<String, String> slack = kafka().awaitRecord(Topics.NOTIFY_SLACK, r -> id.equals(r.key()), WAIT);
        assertThat(slack.value()).contains("\"channel\":\"C0SUPPORT\"", "\"teamId\":\"T0ACME\"");
        ConsumerRecord<String, String> webhook = kafka().awaitRecord(Topics.NOTIFY_WEBHOOK, r -> id.equals(r.key()), WAIT);
        assertThat(webhook.value()).contains("\"url\":\"https://crm.example.com/hooks/handoff\"")
                .contains("\"inboxUrl\":\"http://localhost:8086/console/?chatbot=" + chatbot + "&conversation=456\"");
        ConsumerRecord<String, String> confirmation = kafka().awaitRecord(Topics.DIRECTIVES,
                r -> r.value().contains(id), WAIT);
        assertThat(confirmation.key()).isEqualTo("456");
        assertThat(confirmation.value()).contains("\"type\":\"escalation.confirmed\"").contains("within 30 minutes");

        // the same event again (a redelivery) must not notify anyone twice
        kafka().send(Topics.ESCALATIONS, escalation.conversation().key(), json);
        String marker = "after-" + UUID.randomUUID();
        EscalationCreated next = SampleEvents.escalation(chatbot, 457, marker);
        kafka().send(Topics.ESCALATIONS, next.conversation().key(), EventJson.mapper().writeValueAsString(next));
        kafka().awaitRecord(Topics.NOTIFY_WEBHOOK, r -> next.escalationId().equals(r.key()), WAIT);
        assertThat(kafka().readAll(Topics.NOTIFY_WEBHOOK, Duration.ofSeconds(2)))
                .filteredOn(r -> id.equals(r.key())).hasSize(1);
    }

    @Inject
    EscalationRepository escalations;

    @Test
    void roundRobinSendsEachEscalationToTheNextRecipientOnly() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        asAdmin().contentType(ContentType.JSON)
                .body("{\"offerFirst\": false, \"email\": {\"enabled\": true, \"roundRobin\": true,"
                        + " \"recipients\": \"a@support.test;b@support.test;c@support.test;d@support.test\"}}")
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            EscalationCreated escalation = SampleEvents.escalation(chatbot, 1000 + i, "help " + i);
            ids.add(escalation.escalationId());
            kafka().send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));
        }
        List<ConsumerRecord<String, String>> emails = kafka().awaitRecords(Topics.NOTIFY_EMAIL, r -> ids.contains(r.key()), 8, WAIT);

        java.util.Map<String, Long> perRecipient = new java.util.TreeMap<>();
        for (ConsumerRecord<String, String> email : emails) {
            var recipients = EventJson.mapper().readTree(email.value()).get("recipients");
            assertThat(recipients).hasSize(1);
            perRecipient.merge(recipients.get(0).asText(), 1L, Long::sum);
        }
        assertThat(perRecipient).containsOnly(java.util.Map.entry("a@support.test", 2L), java.util.Map.entry("b@support.test", 2L),
                java.util.Map.entry("c@support.test", 2L), java.util.Map.entry("d@support.test", 2L));
    }

    @Test
    void aRedeliveredEscalationKeepsItsRecipientAndDoesNotAdvanceTheRotation() {
        String chatbot = "bot-" + UUID.randomUUID();
        var rotation = new io.handoff.events.settings.EmailSettings(true, List.of("a@x.test", "b@x.test", "c@x.test"), true);
        EscalationCreated first = SampleEvents.escalation(chatbot, 1, "first");
        EscalationCreated second = SampleEvents.escalation(chatbot, 2, "second");

        var firstTime = escalations.recordReceived(first, rotation);
        var again = escalations.recordReceived(first, rotation);
        var next = escalations.recordReceived(second, rotation);

        assertThat(firstTime.emailRecipients()).containsExactly("a@x.test");
        assertThat(again.emailRecipients()).isEqualTo(firstTime.emailRecipients());
        assertThat(again.status()).isEqualTo(EscalationRepository.Status.RECEIVED);
        assertThat(next.emailRecipients()).containsExactly("b@x.test");
    }

    @Test
    void aSecondClaimOnAnEscalationWaitsForTheFirstAndFindsItRouted() throws Exception {
        EscalationCreated escalation = SampleEvents.escalation("bot-" + UUID.randomUUID(), 1, "help");
        escalations.recordReceived(escalation, null);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (EscalationRepository.Claim first = escalations.claim(escalation.escalationId())) {
            assertThat(first.status()).isEqualTo(EscalationRepository.Status.RECEIVED);
            // a redelivery to another router while this one is still routing
            java.util.concurrent.Future<EscalationRepository.Status> second = claimElsewhere(other, escalation.escalationId());
            Thread.sleep(500);
            assertThat(second).as("the second claim waits while the first is held").isNotDone();

            first.markRouted(new EscalationRepository.Routing(null, null, List.of(), null, null, null));

            assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(EscalationRepository.Status.ROUTED);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aClaimReleasedWithoutAMarkLeavesTheEscalationToTheNextRouter() throws Exception {
        EscalationCreated escalation = SampleEvents.escalation("bot-" + UUID.randomUUID(), 2, "help");
        escalations.recordReceived(escalation, null);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<EscalationRepository.Status> second;
            try (EscalationRepository.Claim first = escalations.claim(escalation.escalationId())) {
                assertThat(first.status()).isEqualTo(EscalationRepository.Status.RECEIVED);
                second = claimElsewhere(other, escalation.escalationId());
                Thread.sleep(200);
                assertThat(second).isNotDone();
                // the first router fails before marking it
            }
            assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(EscalationRepository.Status.RECEIVED);
            assertThat(escalations.status(escalation.escalationId())).contains(EscalationRepository.Status.RECEIVED);
        } finally {
            other.shutdownNow();
        }
    }

    /** Another router's claim on the escalation, taken on {@code other}: the status it found once it held the claim. */
    private java.util.concurrent.Future<EscalationRepository.Status> claimElsewhere(java.util.concurrent.ExecutorService other,
                                                                                 String escalationId) {
        return other.submit(() -> {
            try (EscalationRepository.Claim claim = escalations.claim(escalationId)) {
                return claim.status();
            }
        });
    }

    @Test
    void escalationsOfAChatbotWithEscalationsOffAreRecordedButNotRouted() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        asAdmin().contentType(ContentType.JSON)
                .body("{\"escalationsEnabled\": false, \"webhook\": {\"enabled\": true, \"url\": \"https://crm.example.com/h\"}}")
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 77, "help");
        kafka().send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));

        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(escalations.status(escalation.escalationId())).contains(EscalationRepository.Status.UNROUTED));
        assertThat(kafka().readAll(Topics.NOTIFY_WEBHOOK, Duration.ofSeconds(1)))
                .noneMatch(r -> escalation.escalationId().equals(r.key()));
    }

    @Test
    void invalidEscalationGoesToTheDeadLetterTopicWithTheReason() {
        String key = "conv-" + UUID.randomUUID();
        kafka().send(Topics.ESCALATIONS, key, "{\"type\":\"escalation.created\",\"eventId\":\"e\",\"occurredAt\":\"2026-02-09T12:00:00Z\"}");

        ConsumerRecord<String, String> dead = kafka().awaitRecord(Topics.dlq(Topics.ESCALATIONS), r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("escalationId");
    }

    @Test
    void readinessIncludesKafkaAndTheDatabase() {
        asAdmin().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
    }
}
