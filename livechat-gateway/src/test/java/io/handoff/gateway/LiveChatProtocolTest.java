package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.AgentClient;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.handoff.testing.AgentClient.escalationCreated;
import static io.handoff.testing.AgentClient.frame;
import static io.handoff.testing.AgentClient.message;
import static io.handoff.gateway.Escalations.newEscalation;
import static io.handoff.gateway.Escalations.produce;
import static org.assertj.core.api.Assertions.assertThat;

/** Agents working conversations over the WebSocket, with the directives the visitor gets on Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class LiveChatProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHATBOT = "chatbot-uuid";

    static KafkaTestClient kafka;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private AgentClient agent(String id, String name) {
        return AgentClient.connect(base, TokenIssuer.shared().agent(id, name, List.of(CHATBOT), Duration.ofMinutes(5)));
    }

    private static String unique(String id) {
        return id + "-" + UUID.randomUUID();
    }

    /** An escalation every connected agent has seen. */
    private static EscalationCreated waiting(AgentClient... agents) throws Exception {
        EscalationCreated escalation = newEscalation("I need a person");
        produce(kafka, escalation);
        for (AgentClient agent : agents) {
            agent.awaitFrame(escalationCreated(escalation.escalationId()));
        }
        return escalation;
    }

    private static void visitorSays(EscalationCreated escalation, String text) throws Exception {
        visitorSays(escalation.chatbot().key(), escalation.conversation().key(), text);
    }

    private static void visitorSays(String chatbot, String conversation, String text) throws Exception {
        MessageCreated message = SampleEvents.visitorMessage(chatbot, conversation, SampleEvents.visitor(null), text);
        kafka.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(message));
    }

    private static List<JsonNode> directives(String conversation, int count) throws Exception {
        List<JsonNode> directives = new ArrayList<>();
        for (ConsumerRecord<String, String> r : kafka.awaitRecords(Topics.DIRECTIVES, r -> conversation.equals(r.key()), count, WAIT)) {
            directives.add(EventJson.mapper().readTree(r.value()));
        }
        return directives;
    }

    private static List<String> directiveTypes(String conversation) throws Exception {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : kafka.readAll(Topics.DIRECTIVES, Duration.ofSeconds(2))) {
            if (conversation.equals(r.key())) {
                types.add(EventJson.mapper().readTree(r.value()).get("type").asText());
            }
        }
        return types;
    }

    @Test
    void twoChatbotsUsingTheSameConversationIdStayApart() throws Exception {
        String botA = unique("bot-a");
        String botB = unique("bot-b");
        long shared = ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
        String conversation = Long.toString(shared);
        try (AgentClient alice = AgentClient.connect(base, TokenIssuer.shared().agent("agent-alice", "Alice",
                     List.of(botA), Duration.ofMinutes(5)));
             AgentClient bob = AgentClient.connect(base, TokenIssuer.shared().agent("agent-bob", "Bob",
                     List.of(botB), Duration.ofMinutes(5)));
             AgentClient lead = AgentClient.connect(base, TokenIssuer.shared().agent("agent-lea", "Lea",
                     List.of(botA, botB), Duration.ofMinutes(5)))) {
            EscalationCreated a = SampleEvents.escalation(botA, shared, "A needs a person");
            EscalationCreated b = SampleEvents.escalation(botB, shared, "B needs a person");
            produce(kafka, a);
            produce(kafka, b);
            // each escalation opens its own conversation: the second is not lost to the first
            alice.awaitFrame(escalationCreated(a.escalationId()));
            bob.awaitFrame(escalationCreated(b.escalationId()));
            assertThat(alice.awaitFrame(escalationCreated(a.escalationId())).path("chatbotId").asText()).isEqualTo(botA);

            assertThat(alice.command("open", conversation).path("type").asText()).isEqualTo("transcript");
            assertThat(bob.command("open", conversation).path("type").asText()).isEqualTo("transcript");
            visitorSays(botB, conversation, "only for B");
            visitorSays(botA, conversation, "only for A");

            JsonNode toAlice = alice.awaitFrame(message(conversation, "only for A"));
            assertThat(toAlice.path("chatbotId").asText()).isEqualTo(botA);
            bob.awaitFrame(message(conversation, "only for B"));
            assertThat(alice.count(message(conversation, "only for B"))).isZero();
            assertThat(bob.count(message(conversation, "only for A"))).isZero();
            JsonNode transcriptA = alice.command("open", conversation);
            assertThat(transcriptA.path("messages").toString()).contains("only for A").doesNotContain("only for B");

            // an agent of both chatbots must say which one's conversation a command is about
            JsonNode ambiguous = lead.command("take", conversation);
            assertThat(ambiguous.path("error").asText()).isEqualTo("ambiguous_conversation");
            JsonNode taken = lead.command("take", conversation, "chatbotId", botB);
            assertThat(taken.path("type").asText()).isEqualTo("ack");
            assertThat(taken.path("chatbotId").asText()).isEqualTo(botB);
            // B's conversation is live with Lea; A's is still waiting for anyone
            assertThat(alice.command("take", conversation).path("type").asText()).isEqualTo("ack");
        }
    }

    @Test
    void openingAConversationShowsTheEscalationWindowThenEverythingSince() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam")) {
            EscalationCreated escalation = waiting(sam);
            String conversation = escalation.conversation().key();
            visitorSays(escalation, "It is order 1234");
            JsonNode transcript = awaitTranscriptWith(sam, conversation, "It is order 1234");

            assertThat(transcript.get("summary").get("state").asText()).isEqualTo("WAITING");
            assertThat(transcript.get("messages")).extracting(m -> m.get("role").asText() + ": " + m.get("text").asText())
                    .containsExactly("visitor: Where is my order?", "assistant: Could you share the order number?",
                            "visitor: I need a person", "visitor: It is order 1234");

            visitorSays(escalation, "Hello?");
            JsonNode live = sam.awaitFrame(message(conversation, "Hello?"));
            assertThat(live.get("message").get("role").asText()).isEqualTo("visitor");
            assertThat(live.get("seq").asLong()).isPositive();
        }
    }

    @Test
    void anInvalidConversationEventGoesToTheDeadLetterTopicAndTheMessagesAfterItStillReachTheAgent() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam")) {
            EscalationCreated escalation = waiting(sam);
            String conversation = escalation.conversation().key();
            String invalid = "{\"type\": \"message.created\", \"eventId\": \"" + UUID.randomUUID() + "\"}";
            kafka.send(Topics.CONVERSATION_EVENTS, conversation, invalid);
            visitorSays(escalation, "Still there?");

            JsonNode transcript = awaitTranscriptWith(sam, conversation, "Still there?");
            assertThat(transcript.get("messages")).extracting(m -> m.get("text").asText())
                    .endsWith("I need a person", "Still there?");
            ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS),
                    r -> invalid.equals(r.value()), WAIT);
            assertThat(dead.key()).isEqualTo(conversation);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason"))
                    .startsWith("message.created does not match its schema").contains("required");
            assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(Topics.CONVERSATION_EVENTS);
            assertThat(KafkaTestClient.header(dead, "dead-letter-partition")).isNotBlank();
        }
    }

    @Test
    void eventsThatArriveTogetherTakeEffectInTheirOrderPerConversation() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam")) {
            EscalationCreated first = waiting(sam);
            EscalationCreated second = waiting(sam);
            String a = first.conversation().key();
            String b = second.conversation().key();
            String c = String.valueOf(System.nanoTime());
            // watching both, Sam gets every message frame of theirs
            sam.command("open", a);
            sam.command("open", b);
            ConversationClosed closeB = new ConversationClosed(null, UUID.randomUUID().toString(), Instant.now(),
                    second.chatbot(), second.conversation(), "resolved");
            kafka.sendTogether(Topics.CONVERSATION_EVENTS, List.of(
                    said(CHATBOT, a, "a1"), said(CHATBOT, b, "b1"), said(CHATBOT, a, "a2"), said(CHATBOT, c, "c1"),
                    said(CHATBOT, b, "b2"), Map.entry(b, EventJson.mapper().writeValueAsString(closeB)),
                    said(CHATBOT, a, "a3"), said(CHATBOT, b, "b3")));

            // a WAITING conversation gets every message, in order
            JsonNode transcriptA = awaitTranscriptWith(sam, a, "a3");
            assertThat(transcriptA.get("messages")).extracting(m -> m.get("text").asText())
                    .endsWith("I need a person", "a1", "a2", "a3");
            long a1 = sam.awaitFrame(message(a, "a1")).get("seq").asLong();
            long a2 = sam.awaitFrame(message(a, "a2")).get("seq").asLong();
            long a3 = sam.awaitFrame(message(a, "a3")).get("seq").asLong();
            assertThat(a1).isLessThan(a2);
            assertThat(a2).isLessThan(a3);
            // a new conversation becomes known
            assertThat(sam.awaitFrame(frame("conversation.active", c)).get("summary").get("lastMessage").asText())
                    .isEqualTo("c1");
            // the messages before the close joined the transcript; the one after it found the conversation closed
            // and handed it back to the bot, without joining the transcript
            long closed = sam.awaitFrame(frame("conversation.closed", b)).get("seq").asLong();
            JsonNode back = sam.awaitFrame(frame("conversation.active", b));
            assertThat(back.get("seq").asLong()).isGreaterThan(closed);
            assertThat(back.get("summary").get("state").asText()).isEqualTo("BOT");
            assertThat(back.get("summary").get("lastMessage").asText()).isEqualTo("b3");
            long b1 = sam.awaitFrame(message(b, "b1")).get("seq").asLong();
            long b2 = sam.awaitFrame(message(b, "b2")).get("seq").asLong();
            assertThat(b1).isLessThan(b2);
            assertThat(b2).isLessThan(closed);
            assertThat(sam.command("open", b).get("messages")).extracting(m -> m.get("text").asText())
                    .endsWith("I need a person", "b1", "b2");
        }
    }

    private static Map.Entry<String, String> said(String chatbot, String conversation, String text) throws Exception {
        MessageCreated message = SampleEvents.visitorMessage(chatbot, conversation, SampleEvents.visitor(null), text);
        return Map.entry(conversation, EventJson.mapper().writeValueAsString(message));
    }

    private static JsonNode awaitTranscriptWith(AgentClient agent, String conversation, String text) {
        JsonNode[] found = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            JsonNode transcript = agent.command("open", conversation);
            found[0] = transcript;
            List<String> texts = new ArrayList<>();
            transcript.path("messages").forEach(m -> texts.add(m.path("text").asText()));
            return texts.contains(text);
        });
        return found[0];
    }

    @Test
    void theFirstMessageClaimsTheConversationAndTheOthersAreToldWhoHasIt() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam"); AgentClient kim = agent(unique("kim"), "Kim")) {
            EscalationCreated escalation = waiting(sam, kim);
            String conversation = escalation.conversation().key();

            JsonNode ack = sam.command("send", conversation, "text", "Hi, I am Sam. Let me look.");

            assertThat(ack.get("type").asText()).isEqualTo("ack");
            assertThat(ack.get("action").asText()).isEqualTo("send");
            List<JsonNode> directives = directives(conversation, 2);
            assertThat(directives.get(0).get("type").asText()).isEqualTo("livechat.started");
            assertThat(directives.get(0).get("text").asText()).isEqualTo("Sam from our team has joined the conversation.");
            assertThat(directives.get(0).get("escalationId").asText()).isEqualTo(escalation.escalationId());
            assertThat(directives.get(1).get("type").asText()).isEqualTo("agent.message");
            assertThat(directives.get(1).get("text").asText()).isEqualTo("Hi, I am Sam. Let me look.");
            assertThat(directives.get(1).get("messageId").asText()).isEqualTo(ack.get("messageId").asText());

            JsonNode claimed = kim.awaitFrame(frame("conversation.claimed", conversation));
            assertThat(claimed.get("summary").get("state").asText()).isEqualTo("LIVE");
            assertThat(claimed.get("summary").get("agent").get("name").asText()).isEqualTo("Sam");

            JsonNode refused = kim.command("send", conversation, "text", "Kim here!");
            assertThat(refused.get("error").asText()).isEqualTo("taken");
            assertThat(refused.get("agent").get("name").asText()).isEqualTo("Sam");
            assertThat(refused.get("detail").asText()).isEqualTo("Sam is already talking to this visitor");
            assertThat(kim.command("take", conversation).get("error").asText()).isEqualTo("taken");
            assertThat(directiveTypes(conversation)).containsExactly("livechat.started", "agent.message");
        }
    }

    @Test
    void ofManyAgentsSendingAtOnceExactlyOneWins() throws Exception {
        int count = 6;
        List<AgentClient> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            agents.add(agent(unique("agent" + i), "Agent " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            EscalationCreated escalation = waiting(agents.toArray(AgentClient[]::new));
            String conversation = escalation.conversation().key();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (AgentClient agent : agents) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return agent.command("send", conversation, "text", "I'll take this one");
                }));
            }
            go.countDown();
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }

            List<JsonNode> acks = results.stream().filter(r -> "ack".equals(r.get("type").asText())).toList();
            assertThat(acks).hasSize(1);
            String winner = agents.get(results.indexOf(acks.get(0))).frames().get(0).get("agent").get("name").asText();
            assertThat(results).filteredOn(r -> "error".equals(r.get("type").asText())).hasSize(count - 1)
                    .allSatisfy(r -> {
                        assertThat(r.get("error").asText()).isEqualTo("taken");
                        assertThat(r.get("agent").get("name").asText()).isEqualTo(winner);
                    });
            directives(conversation, 2);
            assertThat(directiveTypes(conversation)).containsExactly("livechat.started", "agent.message");
        } finally {
            pool.shutdown();
            agents.forEach(AgentClient::close);
        }
    }

    @Test
    void visitorMessagesOfALiveConversationReachItsOwnerAndWatchersOnly() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam"); AgentClient kim = agent(unique("kim"), "Kim");
             AgentClient lee = agent(unique("lee"), "Lee")) {
            EscalationCreated escalation = waiting(sam, kim, lee);
            String conversation = escalation.conversation().key();
            sam.command("send", conversation, "text", "Hi!");
            kim.command("open", conversation);

            visitorSays(escalation, "Thanks, it is order 1234");

            JsonNode toOwner = sam.awaitFrame(message(conversation, "Thanks, it is order 1234"));
            assertThat(toOwner.get("message").get("role").asText()).isEqualTo("visitor");
            kim.awaitFrame(message(conversation, "Thanks, it is order 1234"));
            // Lee saw the claim, so Lee is up to date with events after the message too
            visitorSays(escalation, "Are you there?");
            sam.awaitFrame(message(conversation, "Are you there?"));
            sam.command("send", conversation, "text", "Yes, looking at 1234");
            kim.awaitFrame(message(conversation, "Yes, looking at 1234"));
            lee.awaitFrame(frame("conversation.claimed", conversation));
            assertThat(lee.count(f -> "message".equals(f.path("type").asText())
                    && conversation.equals(f.path("conversationId").asText()))).isZero();
        }
    }

    @Test
    void endingTheLiveChatHandsTheConversationBackToTheAi() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam"); AgentClient kim = agent(unique("kim"), "Kim")) {
            EscalationCreated escalation = waiting(sam, kim);
            String conversation = escalation.conversation().key();
            sam.command("send", conversation, "text", "Hi!");

            assertThat(kim.command("end", conversation).get("error").asText()).isEqualTo("not_yours");
            JsonNode ack = sam.command("end", conversation);

            assertThat(ack.get("type").asText()).isEqualTo("ack");
            JsonNode ended = directives(conversation, 3).get(2);
            assertThat(ended.get("type").asText()).isEqualTo("livechat.ended");
            assertThat(ended.get("agent").get("name").asText()).isEqualTo("Sam");
            JsonNode event = kim.awaitFrame(frame("livechat.ended", conversation));
            assertThat(event.get("summary").get("state").asText()).isEqualTo("CLOSED");
            assertThat(sam.command("send", conversation, "text", "one more thing").get("error").asText()).isEqualTo("not_open");
            assertThat(sam.command("end", conversation).get("error").asText()).isEqualTo("not_open");
        }
    }

    @Test
    void releasingPutsTheConversationBackInTheQueueForAnyoneToTake() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam"); AgentClient kim = agent(unique("kim"), "Kim")) {
            EscalationCreated escalation = waiting(sam, kim);
            String conversation = escalation.conversation().key();
            sam.command("take", conversation);
            assertThat(kim.command("release", conversation).get("error").asText()).isEqualTo("not_yours");

            assertThat(sam.command("release", conversation).get("type").asText()).isEqualTo("ack");

            JsonNode released = kim.awaitFrame(frame("conversation.released", conversation));
            assertThat(released.get("summary").get("state").asText()).isEqualTo("WAITING");
            assertThat(kim.command("send", conversation, "text", "Kim here").get("type").asText()).isEqualTo("ack");
            List<JsonNode> directives = directives(conversation, 3);
            assertThat(directives).extracting(d -> d.get("type").asText() + " " + d.get("agent").get("name").asText())
                    .containsExactly("livechat.started Sam", "livechat.started Kim", "agent.message Kim");
        }
    }

    @Test
    void aRetriedSendWithTheSameMessageIdReachesTheVisitorOnce() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam")) {
            EscalationCreated escalation = waiting(sam);
            String conversation = escalation.conversation().key();

            JsonNode first = sam.command("send", conversation, "text", "Hi!", "messageId", "client-1-" + conversation);
            JsonNode again = sam.command("send", conversation, "text", "Hi!", "messageId", "client-1-" + conversation);

            assertThat(first.get("messageId").asText()).isEqualTo(again.get("messageId").asText());
            directives(conversation, 2);
            assertThat(directiveTypes(conversation)).containsExactly("livechat.started", "agent.message");
        }
    }

    @Test
    void anAgentCanTakeOverAConversationThatWasNeverEscalated() throws Exception {
        String conversation = String.valueOf(System.nanoTime());
        try (AgentClient watching = agent(unique("kim"), "Kim")) {
            visitorSays(CHATBOT, conversation, "just browsing");
            JsonNode active = watching.awaitFrame(frame("conversation.active", conversation));
            assertThat(active.get("summary").get("state").asText()).isEqualTo("BOT");
            assertThat(active.get("summary").get("lastMessage").asText()).isEqualTo("just browsing");
        }
        visitorSays(CHATBOT, conversation, "still browsing");
        try (AgentClient sam = awaitInInbox(conversation)) {
            JsonNode listed = inboxEntry(sam, conversation);
            assertThat(listed.get("state").asText()).isEqualTo("BOT");
            assertThat(listed.get("escalation").isNull()).isTrue();

            assertThat(sam.command("take", conversation).get("type").asText()).isEqualTo("ack");

            JsonNode started = directives(conversation, 1).get(0);
            assertThat(started.get("type").asText()).isEqualTo("livechat.started");
            assertThat(started.has("escalationId") && !started.get("escalationId").isNull()).isFalse();
            sam.awaitFrame(frame("conversation.claimed", conversation));
            visitorSays(CHATBOT, conversation, "oh, a person!");
            sam.awaitFrame(message(conversation, "oh, a person!"));
            // the messages before were processed: one conversation.active per conversation, not per message
            try (AgentClient replay = AgentClient.connect(base, TokenIssuer.shared().agent(unique("lee"), "Lee",
                    List.of(CHATBOT), Duration.ofMinutes(5)), 0L)) {
                replay.awaitFrame(frame("conversation.claimed", conversation));
                assertThat(replay.count(frame("conversation.active", conversation))).isEqualTo(1);
            }
        }
    }

    private AgentClient awaitInInbox(String conversation) {
        String id = unique("sam");
        AgentClient[] found = new AgentClient[1];
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            AgentClient client = agent(id, "Sam");
            if (inboxEntry(client, conversation) != null) {
                found[0] = client;
                return true;
            }
            client.close();
            return false;
        });
        return found[0];
    }

    private static JsonNode inboxEntry(AgentClient agent, String conversation) {
        for (JsonNode entry : agent.frames().get(1).get("conversations")) {
            if (conversation.equals(entry.get("conversationId").asText())) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void typingReachesTheOtherAgentsWhoHaveTheConversationOpen() throws Exception {
        try (AgentClient sam = agent(unique("sam"), "Sam"); AgentClient kim = agent(unique("kim"), "Kim")) {
            EscalationCreated escalation = waiting(sam, kim);
            String conversation = escalation.conversation().key();
            sam.command("open", conversation);
            kim.command("open", conversation);

            sam.send("{\"type\":\"typing\",\"conversationId\":\"" + conversation + "\",\"typing\":true}");

            JsonNode typing = kim.awaitFrame(frame("typing", conversation));
            assertThat(typing.get("agent").get("name").asText()).isEqualTo("Sam");
            assertThat(typing.get("typing").asBoolean()).isTrue();
            kim.command("open", conversation);
            assertThat(sam.count(frame("typing", conversation))).isZero();
        }
    }

    @Test
    void anAgentNeverSeesNorActsOnAnotherChatbotsConversations() throws Exception {
        String mine = "bot-" + UUID.randomUUID();
        try (AgentClient outsider = AgentClient.connect(base, TokenIssuer.shared().agent(unique("eve"), "Eve",
                List.of(mine), Duration.ofMinutes(5)));
             AgentClient sam = agent(unique("sam"), "Sam")) {
            EscalationCreated theirs = waiting(sam);
            String conversation = theirs.conversation().key();
            EscalationCreated own = SampleEvents.escalation(mine, System.nanoTime(), "help me");
            produce(kafka, own);
            outsider.awaitFrame(escalationCreated(own.escalationId()));

            for (String command : List.of("open", "take", "end", "release")) {
                JsonNode answer = outsider.command(command, conversation);
                assertThat(answer.get("error").asText()).as(command).isEqualTo("not_found");
            }
            assertThat(outsider.command("send", conversation, "text", "hi").get("error").asText()).isEqualTo("not_found");
            sam.command("send", conversation, "text", "Hi!");
            visitorSays(theirs, "secret order details");
            sam.awaitFrame(message(conversation, "secret order details"));

            try (AgentClient later = AgentClient.connect(base, TokenIssuer.shared().agent(unique("eve"), "Eve",
                    List.of(mine), Duration.ofMinutes(5)), 0L)) {
                later.awaitFrame(escalationCreated(own.escalationId()));
                assertThat(inboxEntry(later, conversation)).isNull();
                assertThat(later.frames()).noneMatch(f -> f.toString().contains(conversation));
            }
            assertThat(outsider.frames()).noneMatch(f -> f.toString().contains(theirs.escalationId())
                    || f.toString().contains("secret order details"));
        }
    }

    @Test
    void aReconnectingAgentGetsWhatItMissed() throws Exception {
        String id = unique("sam");
        long lastSeen;
        EscalationCreated escalation;
        try (AgentClient sam = agent(id, "Sam")) {
            escalation = waiting(sam);
            sam.command("take", escalation.conversation().key());
            sam.awaitFrame(frame("conversation.claimed", escalation.conversation().key()));
            lastSeen = sam.lastSeq();
        }
        String conversation = escalation.conversation().key();
        visitorSays(escalation, "are you still there?");
        EscalationCreated meanwhile;
        try (AgentClient watcher = agent(unique("kim"), "Kim")) {
            meanwhile = waiting(watcher);
            awaitTranscriptWith(watcher, conversation, "are you still there?");
        }

        try (AgentClient back = AgentClient.connect(base, TokenIssuer.shared().agent(id, "Sam", List.of(CHATBOT),
                Duration.ofMinutes(5)), lastSeen)) {
            JsonNode missedMessage = back.awaitFrame(message(conversation, "are you still there?"));
            JsonNode missedEscalation = back.awaitFrame(escalationCreated(meanwhile.escalationId()));

            List<JsonNode> frames = back.frames();
            assertThat(frames.indexOf(missedMessage)).isGreaterThan(1);
            assertThat(missedMessage.get("seq").asLong()).isGreaterThan(lastSeen);
            assertThat(missedEscalation.get("seq").asLong()).isGreaterThan(lastSeen);
            assertThat(frames).noneMatch(f -> f.path("seq").asLong(Long.MAX_VALUE) <= lastSeen
                    && !"hello".equals(f.path("type").asText()) && !"inbox".equals(f.path("type").asText()));
        }
        try (AgentClient fresh = agent(id, "Sam")) {
            assertThat(inboxEntry(fresh, conversation).get("state").asText()).isEqualTo("LIVE");
            assertThat(fresh.count(message(conversation, "are you still there?"))).isZero();
        }
    }
}
