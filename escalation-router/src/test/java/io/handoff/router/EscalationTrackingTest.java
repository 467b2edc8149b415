package io.handoff.router;

import io.handoff.events.AgentRef;
import io.handoff.events.Topics;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.router.persistence.EscalationRepository;
import io.handoff.router.persistence.FollowUpRepository;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static io.handoff.router.TrackedEscalations.awaitTracked;
import static io.handoff.router.TrackedEscalations.makeReminderDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class EscalationTrackingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;
    @Inject
    EscalationRepository escalations;
    @Inject
    FollowUpRepository followUps;

    private static void configure(String chatbot, String json) {
        asAdmin().contentType(ContentType.JSON).body(json)
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
    }

    private static EscalationCreated escalate(String chatbot, long conversation, Instant at) throws Exception {
        EscalationCreated e = SampleEvents.escalation(chatbot, conversation, "I need a person for order " + conversation);
        EscalationCreated timed = new EscalationCreated(null, e.eventId(), at, e.escalationId(), e.chatbot(),
                e.conversation(), e.visitor(), e.lastMessage(), e.transcript(), e.trigger(), e.signals());
        kafka().send(Topics.ESCALATIONS, timed.conversation().key(), EventJson.mapper().writeValueAsString(timed));
        return timed;
    }

    @Test
    void tracksAnEscalationFromTriggerThroughDeliveriesReminderFirstResponseAndResolution() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        configure(chatbot, """
                {"name": "My Chatbot", "offerFirst": false,
                 "email": {"enabled": true, "recipients": "ana@support.test;bo@support.test"},
                 "backupContacts": "lead@support.test",
                 "responseSlaMinutes": 15}""");
        EscalationCreated escalation = escalate(chatbot, 9001, Instant.now());
        String id = escalation.escalationId();

        JsonPath routed = awaitTracked(id, "WAITING");
        assertThat(routed.getString("trigger.type")).isEqualTo("human_request");
        assertThat(routed.getString("trigger.evidence")).isEqualTo("speak with someone");
        assertThat(routed.getList("emailRecipients")).containsExactly("ana@support.test", "bo@support.test");
        assertThat(routed.getList("reminder.recipients")).containsExactly("lead@support.test");
        Instant due = Instant.parse(routed.getString("reminder.dueAt"));
        assertThat(Duration.between(Instant.parse(routed.getString("routedAt")), due)).isBetween(
                Duration.ofMinutes(15).minusSeconds(5), Duration.ofMinutes(15).plusSeconds(5));
        assertThat(routed.getString("reminder.sentAt")).isNull();

        // the email notifier reports its outcome
        ConsumerRecord<String, String> command = kafka().awaitRecord(Topics.NOTIFY_EMAIL, r -> id.equals(r.key()), WAIT);
        String deliveryId = EventJson.mapper().readTree(command.value()).get("deliveryId").asText();
        kafka().send(Topics.DELIVERIES, id, EventJson.mapper().writeValueAsString(new DeliveryResult(null,
                UUID.randomUUID().toString(), Instant.now(), id, deliveryId, DeliveryChannel.EMAIL, "ana@support.test",
                DeliveryStatus.DELIVERED, 1, "accepted by SMTP server")));
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/escalations/{id}", id)
                .then().body("deliveries.status", hasItem("DELIVERED"))
                .body("deliveries[0].channel", equalTo("EMAIL"))
                .body("deliveries[0].target", equalTo("ana@support.test"))
                .body("deliveries[0].reminder", equalTo(false)));

        // nobody answers within the response time: one reminder to the backup contact, in the thread
        makeReminderDue(dataSource, id);
        ConsumerRecord<String, String> reminder = kafka().awaitRecord(Topics.NOTIFY_EMAIL,
                r -> id.equals(r.key()) && r.value().contains("\"reminder\":true"), WAIT);
        var reminderJson = EventJson.mapper().readTree(reminder.value());
        assertThat(reminderJson.get("recipients").get(0).asText()).isEqualTo("lead@support.test");
        assertThat(reminderJson.get("deliveryId").asText()).isNotEqualTo(deliveryId);
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/escalations/{id}", id)
                .then().body("reminder.deliveryId", equalTo(reminderJson.get("deliveryId").asText())));

        // an agent takes over, then ends live chat
        kafka().send(Topics.DIRECTIVES, escalation.conversation().key(), EventJson.mapper().writeValueAsString(
                new LivechatStarted(null, UUID.randomUUID().toString(), Instant.now(), escalation.chatbot(),
                        escalation.conversation(), id, new AgentRef("agent-7", "Sam"), "Sam has joined")));
        JsonPath live = awaitTracked(id, "LIVE");
        assertThat(live.getString("respondedBy")).isEqualTo("Sam");
        assertThat(live.getString("firstResponseAt")).isNotNull();
        kafka().send(Topics.DIRECTIVES, escalation.conversation().key(), EventJson.mapper().writeValueAsString(
                new LivechatEnded(null, UUID.randomUUID().toString(), Instant.now(), escalation.chatbot(),
                        escalation.conversation(), new AgentRef("agent-7", "Sam"), "Live chat has ended")));
        assertThat(awaitTracked(id, "RESOLVED").getString("resolvedAt")).isNotNull();
        assertThat(kafka().readAll(Topics.NOTIFY_EMAIL, Duration.ofSeconds(1)))
                .filteredOn(r -> id.equals(r.key()) && r.value().contains("\"reminder\":true")).hasSize(1);
    }

    @Test
    void anEscalationAnsweredInTimeGetsNoReminder() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        configure(chatbot, """
                {"offerFirst": false, "email": {"enabled": true, "recipients": "ana@support.test"},
                 "responseSlaMinutes": 5}""");
        EscalationCreated escalation = escalate(chatbot, 9002, Instant.now());
        String id = escalation.escalationId();
        awaitTracked(id, "WAITING");
        kafka().send(Topics.DIRECTIVES, escalation.conversation().key(), EventJson.mapper().writeValueAsString(
                new LivechatStarted(null, UUID.randomUUID().toString(), Instant.now(), escalation.chatbot(),
                        escalation.conversation(), id, new AgentRef("agent-1", "Ana"), "Ana has joined")));
        awaitTracked(id, "LIVE");

        makeReminderDue(dataSource, id);
        Thread.sleep(3_000); // three polls of the reminder scheduler
        assertThat(kafka().readAll(Topics.NOTIFY_EMAIL, Duration.ofSeconds(1)))
                .filteredOn(r -> id.equals(r.key()) && r.value().contains("\"reminder\":true")).isEmpty();
        assertThat(asAdmin().when().get("/api/v1/escalations/{id}", id).jsonPath().getString("reminder.sentAt")).isNull();
    }

    @Test
    void anotherChatbotsLiveChatOnTheSameConversationIdAnswersAndResolvesNothingHere() throws Exception {
        String mine = "bot-" + UUID.randomUUID();
        String theirs = "bot-" + UUID.randomUUID();
        configure(mine, """
                {"offerFirst": false, "email": {"enabled": true, "recipients": "ana@support.test"}}""");
        long shared = 9100 + (System.nanoTime() % 800);
        EscalationCreated escalation = escalate(mine, shared, Instant.now());
        String id = escalation.escalationId();
        awaitTracked(id, "WAITING");
        EscalationCreated other = SampleEvents.escalation(theirs, shared, "I need a person");

        // the other chatbot's agent takes over its conversation of the same id (proactively: no escalation
        // id), then ends it
        kafka().send(Topics.DIRECTIVES, other.conversation().key(), EventJson.mapper().writeValueAsString(
                new LivechatStarted(null, UUID.randomUUID().toString(), Instant.now(), other.chatbot(),
                        other.conversation(), null, new AgentRef("agent-9", "Max"), "Max has joined")));
        kafka().send(Topics.DIRECTIVES, other.conversation().key(), EventJson.mapper().writeValueAsString(
                new LivechatEnded(null, UUID.randomUUID().toString(), Instant.now(), other.chatbot(),
                        other.conversation(), new AgentRef("agent-9", "Max"), "Live chat has ended")));
        // and then this chatbot's own agent joins: only that answers this escalation
        kafka().send(Topics.DIRECTIVES, escalation.conversation().key(), EventJson.mapper().writeValueAsString(
                new LivechatStarted(null, UUID.randomUUID().toString(), Instant.now(), escalation.chatbot(),
                        escalation.conversation(), null, new AgentRef("agent-1", "Ana"), "Ana has joined")));

        JsonPath live = awaitTracked(id, "LIVE");
        assertThat(live.getString("respondedBy")).isEqualTo("Ana");
        assertThat(live.getString("resolvedAt")).isNull();
    }

    @Test
    void eachDueReminderIsClaimedByOneReplicaOnly() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EscalationCreated e = SampleEvents.escalation(chatbot, 20_000 + i, "help " + i);
            escalations.recordReceived(e, null);
            try (EscalationRepository.Claim claim = escalations.claim(e.escalationId())) {
                claim.markRouted(new EscalationRepository.Routing(null, Instant.now().minusSeconds(1),
                        List.of("lead@support.test"), null, null, null));
            }
            ids.add(e.escalationId());
        }
        // two more claimers race the application's own scheduler, as replicas would
        Set<String> claimedHere = Collections.synchronizedSet(new HashSet<>());
        List<String> claimedTwice = Collections.synchronizedList(new ArrayList<>());
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            runs.add(replicas.submit(() -> {
                for (int round = 0; round < 20; round++) {
                    for (var due : followUps.claimDueReminders(3, Duration.ofMinutes(5))) {
                        if (ids.contains(due.escalation().escalationId()) && !claimedHere.add(due.escalation().escalationId())) {
                            claimedTwice.add(due.escalation().escalationId());
                        }
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        replicas.shutdown();

        List<String> sentByScheduler = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            sentByScheduler.clear();
            kafka().readAll(Topics.NOTIFY_EMAIL, Duration.ofMillis(500)).stream()
                    .filter(r -> ids.contains(r.key()) && r.value().contains("\"reminder\":true"))
                    .forEach(r -> sentByScheduler.add(r.key()));
            assertThat(sentByScheduler.size() + claimedHere.size()).isEqualTo(ids.size());
        });
        assertThat(claimedTwice).isEmpty();
        assertThat(sentByScheduler).doesNotHaveDuplicates().doesNotContainAnyElementsOf(claimedHere);
    }

    @Test
    void listsAChatbotsEscalationsNewestFirstPageByPageAndFiltered() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        configure(chatbot, "{\"offerFirst\": false, \"webhook\": {\"enabled\": true, \"url\": \"https://crm.example.com/h\"}}");
        Instant base = Instant.parse("2026-11-02T10:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(escalate(chatbot, 30_000 + i, base.plus(Duration.ofHours(i))).escalationId());
        }
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/chatbots/{id}/escalations?status=WAITING", chatbot)
                .then().statusCode(200).body("items.size()", equalTo(5)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/chatbots/{id}/escalations", chatbot)
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.escalationId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        asAdmin().queryParam("from", "2026-11-02T11:00:00Z").queryParam("to", "2026-11-02T13:00:00Z")
                .when().get("/api/v1/chatbots/{id}/escalations", chatbot)
                .then().statusCode(200).body("items.escalationId", equalTo(List.of(ids.get(2), ids.get(1))));
        asAdmin().queryParam("status", "RESOLVED")
                .when().get("/api/v1/chatbots/{id}/escalations", chatbot)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badQueriesGetAProblemNamingTheParameter() {
        asAdmin().queryParam("status", "SOMETIMES").queryParam("from", "yesterday").queryParam("limit", 0)
                .queryParam("cursor", "not-a-cursor")
                .when().get("/api/v1/chatbots/{id}/escalations", "bot-x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("status", "from", "cursor", "limit")));
        asAdmin().when().get("/api/v1/escalations/{id}", "no-such-escalation")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void instantsBeyondWhatTheDatabaseStoresAndCursorsWithControlCharactersAreTheCallersMistake() {
        String nulCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "2026-01-01T00:00:00Z|esc\u0000id".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String farCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "+100000-01-01T00:00:00Z|esc-id".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        asAdmin().queryParam("from", "+100000-01-01T00:00:00Z").queryParam("to", "-5000-01-01T00:00:00Z")
                .when().get("/api/v1/chatbots/{id}/escalations", "bot-x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("from", "to")));
        for (String cursor : List.of(nulCursor, farCursor)) {
            asAdmin().queryParam("cursor", cursor)
                    .when().get("/api/v1/chatbots/{id}/escalations", "bot-x")
                    .then().statusCode(400).body("errors.field", equalTo(List.of("cursor")));
        }
        asAdmin().queryParam("from", "+100000-01-01T00:00:00Z")
                .when().get("/api/v1/chatbots/{id}/stats", "bot-x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void outsideBusinessHoursOnlyEmailGoesOutAndTheVisitorLearnsWhenTheTeamIsBack() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String allDay = "[\"00:00-24:00\"]";
        configure(chatbot, """
                {"offerFirst": false,
                 "email": {"enabled": true, "recipients": "ana@support.test"},
                 "webhook": {"enabled": true, "url": "https://crm.example.com/h"},
                 "responseSlaMinutes": 10,
                 "businessHours": {"timeZone": "UTC", "holidays": ["%s"],
                   "weekly": {"monday": %s, "tuesday": %s, "wednesday": %s, "thursday": %s, "friday": %s,
                              "saturday": %s, "sunday": %s}}}"""
                .formatted(today, allDay, allDay, allDay, allDay, allDay, allDay, allDay));
        EscalationCreated escalation = escalate(chatbot, 9003, Instant.now());
        String id = escalation.escalationId();

        ConsumerRecord<String, String> confirmation = kafka().awaitRecord(Topics.DIRECTIVES,
                r -> r.value().contains(id) && r.value().contains("escalation.confirmed"), WAIT);
        String tomorrow = java.time.format.DateTimeFormatter.ofPattern("EEEE", java.util.Locale.ENGLISH)
                .format(today.plusDays(1));
        assertThat(confirmation.value()).contains("Our team is away right now").contains(tomorrow).contains("00:00 UTC");
        kafka().awaitRecord(Topics.NOTIFY_EMAIL, r -> id.equals(r.key()), WAIT);
        JsonPath tracked = awaitTracked(id, "WAITING");
        assertThat(Instant.parse(tracked.getString("closedUntil")))
                .isEqualTo(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(Instant.parse(tracked.getString("reminder.dueAt")))
                .isEqualTo(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).plusMinutes(10).toInstant());
        assertThat(kafka().readAll(Topics.NOTIFY_WEBHOOK, Duration.ofSeconds(1))).noneMatch(r -> id.equals(r.key()));
    }
}
