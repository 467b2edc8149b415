package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.ChatMessage;
import io.handoff.events.MessageRole;
import io.handoff.events.Topics;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.AgentClient;
import io.handoff.testing.Chromium;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent console in a real browser (Debian's Chromium, headless) against the gateway with a real
 * broker and database: what an agent sees and clicks, and what reaches the visitor over Kafka.
 * On failure the screenshot, the page and the browser's console log are saved under
 * {@code target/console-browser/}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(TokenResource.class)
class ConsoleBrowserTest {

    private static final String CHATBOT = "console-bot";
    private static final String OTHER_CHATBOT = "other-console-bot";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path ARTIFACTS = Path.of("target", "console-browser");
    private static final Pattern TOKEN_IN_URL = Pattern.compile("access_token=[^&'\"\\s]+");

    static KafkaTestClient kafka;
    static ChromeDriverService driverService;
    static WebDriver browser;
    static Path profile;

    @TestHTTPResource("/console/")
    URL console;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.ensureInstalled();
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
        Files.createDirectories(ARTIFACTS);
        profile = Files.createTempDirectory("console-browser-profile-");
        // With the driver and the browser named, Selenium Manager never looks anything up or downloads.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, Chromium.DRIVER.toString());
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments(Chromium.headlessArguments(profile));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anAgentAnswersAWaitingVisitorLiveAndEndsTheChat(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            signIn(agentToken("agent-sam", "Sam", CHATBOT), "Sam");
            EscalationCreated escalation = escalation(CHATBOT, "I need to speak with someone");
            String id = escalation.conversation().key();
            produce(escalation);

            await(d -> {
                WebElement item = d.findElement(inboxItem("waiting-list", id));
                return "human_request".equals(item.getAttribute("data-trigger")) && item.getText().contains("Jane Doe")
                        && item.getText().contains("Waiting") && item.getText().contains("Asked for a person");
            });
            awaitUntil(d -> browser.getTitle().matches("\\(\\d+\\) Handoff agent console"));
            assertThat(byTestId("inbox-badge").isDisplayed()).isTrue();
            assertThat(byTestId("inbox-badge").getAttribute("data-chimes")).isNotNull();

            click(inboxItem("waiting-list", id));
            awaitText("state-label", "Waiting");
            awaitMessage("visitor", "Where is my order?");
            awaitMessage("assistant", "Could you share the order number?");
            awaitMessage("visitor", "I need to speak with someone");

            String reply = "Hi Jane, Sam here. Let me look at your order.";
            byTestId("composer-input").sendKeys(reply, Keys.ENTER);

            awaitText("state-label", "Live with you");
            await(d -> {
                WebElement sent = findMessage("agent", reply);
                return sent != null && sent.getAttribute("data-status") == null && sent.getText().contains("Sam (you)");
            });
            awaitVisible(inboxItem("live-list", id));
            assertThat(byTestId("end-button").isDisplayed()).isTrue();
            assertThat(byTestId("release-button").isDisplayed()).isTrue();

            List<ConsumerRecord<String, String>> directives = kafka.awaitRecords(Topics.DIRECTIVES,
                    r -> id.equals(r.key()), 2, WAIT);
            JsonNode started = EventJson.mapper().readTree(directives.get(0).value());
            assertThat(started.path("type").asText()).isEqualTo("livechat.started");
            assertThat(started.path("agent").path("id").asText()).isEqualTo("agent-sam");
            assertThat(started.path("agent").path("name").asText()).isEqualTo("Sam");
            JsonNode message = EventJson.mapper().readTree(directives.get(1).value());
            assertThat(message.path("type").asText()).isEqualTo("agent.message");
            assertThat(message.path("text").asText()).isEqualTo(reply);
            assertThat(message.path("agent").path("name").asText()).isEqualTo("Sam");

            produceVisitorMessage(escalation, "It is order 1234, thanks");
            awaitMessage("visitor", "It is order 1234, thanks");
            awaitUntil(d -> byTestId("announcer").getAttribute("textContent").contains("It is order 1234, thanks"));

            byTestId("end-button").click();
            awaitText("state-label", "Closed");
            kafka.awaitRecord(Topics.DIRECTIVES,
                    r -> id.equals(r.key()) && r.value().contains("\"type\":\"livechat.ended\""), WAIT);
            awaitUntil(d -> !byTestId("composer-input").isEnabled());
            awaitUntil(d -> browser.findElements(inboxItem("live-list", id)).isEmpty());
        });
    }

    @Test
    void aDeepLinkOpensItsConversationAfterSignIn(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            signIn(agentToken("agent-kim", "Kim", CHATBOT), "Kim");
            EscalationCreated escalation = escalation(CHATBOT, "Please call me back about my invoice");
            String id = escalation.conversation().key();
            produce(escalation);
            awaitVisible(inboxItem("waiting-list", id));
            byTestId("sign-out").click();
            awaitVisible(By.cssSelector("[data-testid='token-input']"));

            browser.get(console + "?chatbot=" + CHATBOT + "&conversation=" + id);
            fillInToken(agentToken("agent-kim", "Kim", CHATBOT));

            awaitUntil(d -> id.equals(byTestId("conversation-pane").getAttribute("data-conversation-id")));
            awaitText("conversation-title", "Jane Doe");
            awaitText("state-label", "Waiting");
            awaitMessage("visitor", "Please call me back about my invoice");
            awaitVisible(By.cssSelector("[data-testid='conversation-item'][aria-current='true'][data-conversation-id='"
                    + id + "']"));
        });
    }

    @Test
    void anAgentNeverSeesAnotherChatbotsConversations(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            signIn(agentToken("agent-lee", "Lee", CHATBOT), "Lee");
            EscalationCreated foreign = escalation(OTHER_CHATBOT, "Secret of the other chatbot");
            EscalationCreated mine = onSamePartitionAs(foreign, CHATBOT, "Mine, after the other one");

            try (AgentClient otherAgent = AgentClient.connect(URI.create("ws://localhost:" + console.getPort()
                    + AgentSocket.PATH + "?access_token=" + agentToken("agent-ola", "Ola", OTHER_CHATBOT)))) {
                otherAgent.awaitFrames(2);
                produce(foreign);
                produce(mine);
                // Same partition: once ours is shown, the other chatbot's was handled before it.
                awaitVisible(inboxItem("waiting-list", mine.conversation().key()));
                otherAgent.awaitFrame(f -> "escalation.created".equals(f.path("type").asText())
                        && foreign.conversation().key().equals(f.path("conversationId").asText()));
            }

            assertThat(browser.findElements(By.cssSelector("[data-conversation-id='" + foreign.conversation().key() + "']")))
                    .isEmpty();
            assertThat(browser.getPageSource()).doesNotContain("Secret of the other chatbot");

            browser.get(console + "?chatbot=" + OTHER_CHATBOT + "&conversation=" + foreign.conversation().key());
            awaitUntil(d -> byTestId("notice").isDisplayed());
            assertThat(byTestId("conversation-pane").isDisplayed()).isFalse();
            assertThat(browser.getPageSource()).doesNotContain("Secret of the other chatbot");
        });
    }

    @Test
    void anotherAgentsTypingAndClaimAreShownInline(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            signIn(agentToken("agent-ana", "Ana", CHATBOT), "Ana");
            EscalationCreated escalation = escalation(CHATBOT, "Is anybody there?");
            String id = escalation.conversation().key();
            produce(escalation);
            click(inboxItem("waiting-list", id));
            awaitText("state-label", "Waiting");

            try (AgentClient kim = AgentClient.connect(URI.create("ws://localhost:" + console.getPort()
                    + AgentSocket.PATH + "?access_token=" + agentToken("agent-kim-2", "Kim", CHATBOT)))) {
                kim.awaitFrames(2);
                kim.send("{\"type\":\"open\",\"ref\":\"k1\",\"conversationId\":\"" + id + "\"}");
                kim.awaitFrame(f -> "transcript".equals(f.path("type").asText()));

                kim.send("{\"type\":\"typing\",\"conversationId\":\"" + id + "\",\"typing\":true}");
                awaitText("typing-indicator", "Kim is typing");

                byTestId("composer-input").sendKeys("Hello");
                kim.awaitFrame(f -> "typing".equals(f.path("type").asText()) && f.path("typing").asBoolean()
                        && "agent-ana".equals(f.path("agent").path("id").asText()));

                kim.send("{\"type\":\"take\",\"ref\":\"k2\",\"conversationId\":\"" + id + "\"}");
                awaitText("state-label", "Live with Kim");
                awaitUntil(d -> !byTestId("composer-input").isEnabled());
                // Kim said nothing more, so the indicator goes away on its own.
                awaitUntil(d -> byTestId("typing-indicator").getText().isEmpty());
            }
        });
    }

    @Test
    void afterTheConnectionDropsTheConsoleReconnectsAndCatchesUpOnWhatItMissed(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            try (DroppingProxy network = DroppingProxy.start(console.getPort())) {
                signIn(new URL("http://localhost:" + network.port() + "/console/"), agentToken("agent-max", "Max", CHATBOT), "Max");
                EscalationCreated first = escalation(CHATBOT, "Hello, anyone?");
                String firstId = first.conversation().key();
                produce(first);
                click(inboxItem("waiting-list", firstId));
                awaitMessage("visitor", "Hello, anyone?");

                network.drop();
                awaitUntil(d -> !"online".equals(byTestId("connection-status").getAttribute("data-state")));
                EscalationCreated second = escalation(CHATBOT, "I came while you were away");
                try (AgentClient witness = AgentClient.connect(console, agentToken("agent-wit", "Wit", CHATBOT))) {
                    assertThat(witness.command("open", firstId).path("type").asText()).isEqualTo("transcript");
                    produce(second);
                    produceVisitorMessage(first, "Still there?");
                    // stored by the gateway while the console could not hear of it
                    witness.awaitFrame(AgentClient.frame("escalation.created", second.conversation().key()));
                    witness.awaitFrame(AgentClient.message(firstId, "Still there?"));
                }
                network.restore();

                awaitUntil(d -> "online".equals(byTestId("connection-status").getAttribute("data-state")));
                awaitVisible(inboxItem("waiting-list", second.conversation().key()));
                awaitMessage("visitor", "Still there?");
                awaitText("state-label", "Waiting");
                assertThat(browser.findElements(By.cssSelector("[data-testid='transcript'] [data-testid='message-text']"))
                        .stream().filter(m -> m.getText().equals("Still there?")).count()).isEqualTo(1);
                List<String> handshakes = network.handshakeAfter();
                assertThat(handshakes).as("after= of each handshake").hasSizeGreaterThanOrEqualTo(2);
                assertThat(handshakes.get(0)).isEmpty();
                assertThat(handshakes.get(handshakes.size() - 1)).matches("[1-9][0-9]*");
                // the token goes as a sub-protocol, never in the address, which proxies log
                assertThat(network.handshakeTargets()).isNotEmpty().noneMatch(t -> t.contains("access_token"));
            }
        });
    }

    @Test
    void anAgentOfTwoChatbotsSeesTheirConversationsOfTheSameIdApart(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            signIn(TokenIssuer.shared().agent("agent-uma", "Uma", List.of(CHATBOT, OTHER_CHATBOT), Duration.ofHours(1)), "Uma");
            long shared = ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
            EscalationCreated mine = SampleEvents.escalation(CHATBOT, shared, "Help with my parcel");
            EscalationCreated other = SampleEvents.escalation(OTHER_CHATBOT, shared, "Help with my invoice");
            produce(mine);
            produce(other);
            By mineItem = By.cssSelector("[data-testid='waiting-list'] [data-testid='conversation-item'][data-chatbot-id='"
                    + CHATBOT + "'][data-conversation-id='" + shared + "']");
            By otherItem = By.cssSelector("[data-testid='waiting-list'] [data-testid='conversation-item'][data-chatbot-id='"
                    + OTHER_CHATBOT + "'][data-conversation-id='" + shared + "']");
            awaitVisible(mineItem);
            awaitVisible(otherItem);

            click(otherItem);
            awaitMessage("visitor", "Help with my invoice");
            assertThat(findMessage("visitor", "Help with my parcel")).isNull();
            click(mineItem);
            awaitMessage("visitor", "Help with my parcel");
            assertThat(findMessage("visitor", "Help with my invoice")).isNull();
            // taking it over answers for this chatbot's conversation only
            click(By.cssSelector("[data-testid='take-button']"));
            awaitText("state-label", "Live with you");
            awaitVisible(By.cssSelector("[data-testid='waiting-list'] [data-testid='conversation-item'][data-chatbot-id='"
                    + OTHER_CHATBOT + "'][data-conversation-id='" + shared + "']"));
        });
    }

    @Test
    void whenTheTokenRunsOutTheConsoleAsksForANewOneAndContinuesWhereItLeftOff(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            signIn(TokenIssuer.shared().agent("agent-zoe", "Zoe", List.of(CHATBOT), Duration.ofSeconds(20)), "Zoe");
            EscalationCreated first = escalation(CHATBOT, "Is anyone there?");
            produce(first);
            awaitVisible(inboxItem("waiting-list", first.conversation().key()));

            // the gateway closes the connection at the token's expiry; the console asks for a new one
            awaitText("sign-in-error", "Your sign-in ran out");
            EscalationCreated meanwhile = escalation(CHATBOT, "I wrote while you were signed out");
            produce(meanwhile);
            fillInToken(agentToken("agent-zoe", "Zoe", CHATBOT));

            awaitUntil(d -> "online".equals(byTestId("connection-status").getAttribute("data-state")));
            awaitVisible(inboxItem("waiting-list", meanwhile.conversation().key()));
            awaitVisible(inboxItem("waiting-list", first.conversation().key()));
            assertThat(byTestId("agent-name").getText()).isEqualTo("Zoe");
        });
    }

    @Test
    void theConsoleCannotBeFramedAndLoadsOnlyFromItsOwnOrigin() {
        io.restassured.response.Response page = given().when().get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("script-src 'self'").contains("connect-src 'self' http://localhost:8082")
                .contains("object-src 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(given().when().get("/console/console.js").header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void aReplyWrittenOfflineGoesOutOnReconnectAndIsRefusedInlineWhenAnotherAgentTookOver(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            try (DroppingProxy network = DroppingProxy.start(console.getPort())) {
                signIn(new URL("http://localhost:" + network.port() + "/console/"), agentToken("agent-eva", "Eva", CHATBOT), "Eva");
                EscalationCreated escalation = escalation(CHATBOT, "Can someone help me?");
                String id = escalation.conversation().key();
                produce(escalation);
                click(inboxItem("waiting-list", id));
                awaitText("state-label", "Waiting");

                network.drop();
                awaitUntil(d -> !"online".equals(byTestId("connection-status").getAttribute("data-state")));
                byTestId("composer-input").sendKeys("Hi, Eva here!", Keys.ENTER);
                await(d -> {
                    WebElement pending = findMessage("agent", "Hi, Eva here!");
                    return pending != null && "sending".equals(pending.getAttribute("data-status"));
                });
                try (AgentClient kim = AgentClient.connect(console, agentToken("agent-kim-3", "Kim", CHATBOT))) {
                    assertThat(kim.command("take", id).path("type").asText()).isEqualTo("ack");
                }
                network.restore();

                awaitText("conversation-error", "Kim is already talking to this visitor");
                awaitText("state-label", "Live with Kim");
                await(d -> {
                    WebElement refused = findMessage("agent", "Hi, Eva here!");
                    return refused != null && "failed".equals(refused.getAttribute("data-status"))
                            && refused.getText().contains("not sent");
                });
                assertThat(byTestId("composer-input").isEnabled()).isFalse();
            }
        });
    }

    // ------------------------------------------------------------------ the page

    private void signIn(String token, String agentName) {
        signIn(console, token, agentName);
    }

    private static void signIn(URL page, String token, String agentName) {
        browser.get(page.toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(page.toString());
        fillInToken(token);
        awaitText("agent-name", agentName);
        awaitUntil(d -> "online".equals(byTestId("connection-status").getAttribute("data-state")));
    }

    private static void fillInToken(String token) {
        WebElement input = awaitVisible(By.cssSelector("[data-testid='token-input']"));
        input.clear();
        input.sendKeys(token);
        byTestId("sign-in-button").click();
    }

    private static WebElement byTestId(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private static By inboxItem(String list, String conversationId) {
        return By.cssSelector("[data-testid='" + list + "'] [data-testid='conversation-item'][data-conversation-id='"
                + conversationId + "']");
    }

    /**
     * Waits until {@code condition} gives something other than null or false. The page redraws its
     * lists as frames arrive, so an element found a moment ago may be gone: the condition is asked again.
     */
    private static <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private static void awaitUntil(Function<WebDriver, Boolean> condition) {
        await(condition);
    }

    private static WebElement awaitVisible(By locator) {
        return await(ExpectedConditions.visibilityOfElementLocated(locator)::apply);
    }

    private static void click(By locator) {
        await(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    private static void awaitText(String testId, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='" + testId + "']"), text)::apply);
    }

    private static void awaitMessage(String role, String text) {
        await(d -> findMessage(role, text));
    }

    private static WebElement findMessage(String role, String text) {
        return browser.findElements(By.cssSelector("[data-testid='transcript'] [data-testid='message'][data-role='" + role + "']"))
                .stream()
                .filter(m -> m.findElement(By.cssSelector("[data-testid='message-text']")).getText().equals(text))
                .findFirst()
                .orElse(null);
    }

    // ------------------------------------------------------------------ events and tokens

    private static String agentToken(String id, String name, String chatbot) {
        return TokenIssuer.shared().agent(id, name, List.of(chatbot), Duration.ofHours(1));
    }

    private static EscalationCreated escalation(String chatbot, String lastMessage) {
        return SampleEvents.escalation(chatbot, ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L), lastMessage);
    }

    /** An escalation of {@code chatbot} whose conversation key lands on the same partition as {@code other}'s. */
    private static EscalationCreated onSamePartitionAs(EscalationCreated other, String chatbot, String lastMessage) {
        int partitions = partitionCount(Topics.ESCALATIONS);
        int target = partition(other.conversation().key(), partitions);
        while (true) {
            EscalationCreated candidate = escalation(chatbot, lastMessage);
            if (partition(candidate.conversation().key(), partitions) == target) {
                return candidate;
            }
        }
    }

    private static int partitionCount(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static void produce(EscalationCreated escalation) throws IOException {
        kafka.send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));
    }

    /** The visitor writes again, as the upstream chat service reports it. */
    private static void produceVisitorMessage(EscalationCreated escalation, String text) throws IOException {
        MessageCreated message = new MessageCreated(null, UUID.randomUUID().toString(), Instant.now(),
                escalation.chatbot(), escalation.conversation(), escalation.visitor(),
                new ChatMessage("m-" + UUID.randomUUID(), MessageRole.VISITOR, text), null);
        kafka.send(Topics.CONVERSATION_EVENTS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(message));
    }

    // ------------------------------------------------------------------ diagnosis

    @FunctionalInterface
    interface Steps {
        void run() throws Exception;
    }

    /** Runs a test's steps; when they fail, keeps what the browser showed and logged. */
    private static void inBrowser(TestInfo test, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Throwable failure) {
            String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
            try {
                saveEvidence(name);
            } catch (RuntimeException | IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    private static void saveEvidence(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(ARTIFACTS.resolve(name + ".html"), browser.getPageSource());
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            // the browser names the WebSocket address when a connection fails, token included
            String message = TOKEN_IN_URL.matcher(entry.getMessage()).replaceAll("access_token=<redacted>");
            lines.add(Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " " + message);
        }
        Files.write(ARTIFACTS.resolve(name + "-console.log"), lines);
        System.out.println("[console-browser] saved the screenshot, page and browser log of " + name + " in "
                + ARTIFACTS.toAbsolutePath());
    }
}
