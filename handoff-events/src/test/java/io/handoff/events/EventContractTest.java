package io.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.directive.AgentMessage;
import io.handoff.events.directive.ContactRequested;
import io.handoff.events.directive.Directive;
import io.handoff.events.directive.EscalationConfirmed;
import io.handoff.events.directive.EscalationOffered;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.directive.ProblemRequested;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.json.EventCatalog;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.EventJson;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.AlertKind;
import io.handoff.events.notify.NotifyAlert;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.events.settings.BusinessHoursSettings;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.events.settings.DetectionRules;
import io.handoff.events.settings.EmailSettings;
import io.handoff.events.settings.HandoffLevel;
import io.handoff.events.settings.SlackSettings;
import io.handoff.events.settings.VisitorTexts;
import io.handoff.events.settings.WebhookSettings;
import io.handoff.events.slack.SlackConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves that the JSON Schemas under {@code /schemas} and the Java records describe the same events:
 * whatever a service writes, every other service can validate and read back unchanged.
 */
class EventContractTest {

    /** The inbound example from the design brief, byte for byte. */
    private static final String BRIEF_MESSAGE_CREATED = """
            { "type": "message.created", "eventId": "e-1", "occurredAt": "2026-02-09T12:00:00Z",
              "chatbot": {"id": "chatbot-uuid", "name": "My Chatbot"},
              "conversation": {"id": "456", "channel": "web", "locale": "en"},
              "visitor": {"id": "123", "email": null, "firstName": "Jane", "lastName": "Doe", "phone": null},
              "message": {"id": "m-1", "role": "visitor", "text": "Can I talk to a person?"},
              "ai": {"confidence": 0.31, "handoffSuggested": false} }
            """;

    private static final Instant AT = Instant.parse("2026-02-09T12:00:00Z");
    private static final ChatbotRef CHATBOT = new ChatbotRef(ExternalId.of("chatbot-uuid"), "My Chatbot");
    private static final ConversationRef CONVERSATION = new ConversationRef(ExternalId.of(456), "web", "en");
    private static final VisitorRef VISITOR = new VisitorRef(ExternalId.of(123), "visitor@example.com", "Jane", "Doe",
            "+1234567890");
    private static final AgentRef AGENT = new AgentRef("agent-7", "Sam");
    private static final String ESCALATION_ID = "esc-0192";

    private final ObjectMapper mapper = EventJson.mapper();
    private final EventDecoder decoder = new EventDecoder();

    static Set<String> types() {
        return EventCatalog.types();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyEventTypeSurvivesSerializationAndSchemaValidatedDecoding(String type) throws Exception {
        Event event = sample(type);
        assertThat(event.type()).isEqualTo(type);
        assertThat(EventCatalog.classOf(type)).contains(event.getClass());

        String json = mapper.writeValueAsString(event);
        assertThat(mapper.readTree(json).get("type").asText()).isEqualTo(type);

        Event decoded = decoder.decode(json, Event.class);

        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void everyCatalogTypeHasASchemaOnTheClasspath() {
        for (String type : EventCatalog.types()) {
            assertThat(EventContractTest.class.getResource(EventCatalog.schemaResource(type)))
                    .as("schema for %s", type).isNotNull();
        }
    }

    @Test
    void inboundTypesDecodeAsConversationEventsAndDirectivesAsDirectives() throws Exception {
        for (String type : List.of(MessageCreated.TYPE, EscalationAccepted.TYPE, EscalationDeclined.TYPE,
                VisitorIdentified.TYPE, ConversationClosed.TYPE)) {
            String json = mapper.writeValueAsString(sample(type));
            assertThat(decoder.decode(json, EventCatalog.CONVERSATION_EVENTS)).isEqualTo(sample(type));
        }
        for (String type : List.of(EscalationOffered.TYPE, ContactRequested.TYPE, ProblemRequested.TYPE,
                EscalationConfirmed.TYPE, LivechatStarted.TYPE, AgentMessage.TYPE, LivechatEnded.TYPE)) {
            String json = mapper.writeValueAsString(sample(type));
            assertThat(decoder.decode(json, EventCatalog.DIRECTIVES)).isEqualTo(sample(type));
        }
    }

    @Test
    void theBriefsMessageCreatedExampleIsValidAndReadAsWritten() throws Exception {
        MessageCreated event = decoder.decode(BRIEF_MESSAGE_CREATED, MessageCreated.class);

        assertThat(event).isEqualTo(new MessageCreated(null, "e-1", AT,
                new ChatbotRef(ExternalId.of("chatbot-uuid"), "My Chatbot"),
                new ConversationRef(ExternalId.of("456"), "web", "en"),
                new VisitorRef(ExternalId.of("123"), null, "Jane", "Doe", null),
                new ChatMessage("m-1", MessageRole.VISITOR, "Can I talk to a person?"),
                new AiAssessment(0.31, false)));

        ObjectNode withoutNulls = (ObjectNode) mapper.readTree(BRIEF_MESSAGE_CREATED);
        ((ObjectNode) withoutNulls.get("visitor")).remove(List.of("email", "phone"));
        assertThat(mapper.readTree(mapper.writeValueAsString(event))).isEqualTo(withoutNulls);
    }

    @Test
    void aMessageWithoutTheOptionalFieldsIsAccepted() throws Exception {
        String json = """
                {"type":"message.created","eventId":"e-2","occurredAt":"2026-02-09T12:00:00+00:00",
                 "chatbot":{"id":"cb"},"conversation":{"id":456,"channel":null,"locale":null},
                 "visitor":{"id":123},"message":{"role":"assistant","text":""},"ai":null}
                """;

        MessageCreated event = decoder.decode(json, MessageCreated.class);

        assertThat(event.occurredAt()).isEqualTo(AT);
        assertThat(event.chatbot().name()).isNull();
        assertThat(event.ai()).isNull();
        assertThat(event.message().role()).isEqualTo(MessageRole.ASSISTANT);
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> decoder.decode("{\"type\": \"message.created\", ", Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void anEventWithoutTypeIsRejected() throws Exception {
        ObjectNode json = briefExample();
        json.remove("type");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("type");
    }

    @Test
    void anUnknownTypeIsRejected() throws Exception {
        ObjectNode json = briefExample();
        json.put("type", "message.deleted");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("message.deleted");
    }

    @Test
    void aDirectiveIsNotAcceptedWhereConversationEventsAreExpected() throws Exception {
        String json = mapper.writeValueAsString(sample(EscalationOffered.TYPE));

        assertThatThrownBy(() -> decoder.decode(json, ConversationEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("escalation.offered");
    }

    @Test
    void aMessageWithoutConversationIsRejected() throws Exception {
        ObjectNode json = briefExample();
        json.remove("conversation");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("conversation");
    }

    @Test
    void aMessageWhoseTextIsANumberIsRejected() throws Exception {
        ObjectNode json = briefExample();
        ((ObjectNode) json.get("message")).put("text", 42);

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("text");
    }

    @Test
    void anAiConfidenceGivenAsAStringIsRejected() throws Exception {
        ObjectNode json = briefExample();
        ((ObjectNode) json.get("ai")).put("confidence", "0.31");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("confidence");
    }

    @Test
    void theUpstreamCannotReportAgentMessages() throws Exception {
        ObjectNode json = briefExample();
        ((ObjectNode) json.get("message")).put("role", "agent");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("role");
    }

    @Test
    void aBlankEventIdOrAMissingVisitorIdIsRejected() throws Exception {
        ObjectNode blankId = briefExample();
        blankId.put("eventId", "");
        ObjectNode noVisitorId = briefExample();
        ((ObjectNode) noVisitorId.get("visitor")).remove("id");

        assertThatThrownBy(() -> decoder.decode(blankId.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> decoder.decode(noVisitorId.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("id");
    }

    @Test
    void anOccurredAtWithoutOffsetIsRejected() throws Exception {
        ObjectNode json = briefExample();
        json.put("occurredAt", "2026-02-09T12:00:00");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("occurredAt");
    }

    @Test
    void anExternalIdMustBeANonBlankStringOrAnInteger() throws Exception {
        for (String id : new String[]{"\"\"", "\"   \"", "4.5", "true", "null", "{}", "[\"1\"]"}) {
            ObjectNode json = briefExample();
            ((ObjectNode) json.get("conversation")).set("id", mapper.readTree(id));

            assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                    .as("conversation id %s", id)
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("/conversation/id");
        }
        for (String id : new String[]{"\"c-1\"", "\" x \"", "0", "-7", "12345678901234567890"}) {
            ObjectNode json = briefExample();
            ((ObjectNode) json.get("conversation")).set("id", mapper.readTree(id));

            assertThat(decoder.decode(json.toString(), MessageCreated.class).conversation().id().value())
                    .as("conversation id %s", id)
                    .isEqualTo(mapper.readTree(id).asText());
        }
    }

    @Test
    void externalIdsKeepTheirJsonTypeThroughARoundTrip() throws Exception {
        ObjectNode json = briefExample();
        ((ObjectNode) json.get("conversation")).put("id", 456);
        ((ObjectNode) json.get("visitor")).put("id", "123");

        MessageCreated event = decoder.decode(json.toString(), MessageCreated.class);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(event));

        assertThat(event.conversation().id()).isEqualTo(new ExternalId("456", true));
        assertThat(event.visitor().id()).isEqualTo(new ExternalId("123", false));
        assertThat(event.conversation().key()).isEqualTo("456");
        assertThat(written.at("/conversation/id").isIntegralNumber()).isTrue();
        assertThat(written.at("/conversation/id").asLong()).isEqualTo(456L);
        assertThat(written.at("/visitor/id").isTextual()).isTrue();
        assertThat(written.at("/visitor/id").asText()).isEqualTo("123");
    }

    @Test
    void webhookSettingsNeverWriteTheSecretButSayThatOneIsSet() throws Exception {
        WebhookSettings fromRequest = mapper.readValue(
                "{\"enabled\":true,\"url\":\"https://crm.example.com/hook\",\"signingSecret\":\"s3cr3t-value\"}",
                WebhookSettings.class);
        assertThat(fromRequest.signingSecret()).isEqualTo("s3cr3t-value");
        assertThat(fromRequest.signingSecretSet()).isTrue();

        JsonNode written = mapper.readTree(mapper.writeValueAsString(fromRequest));

        assertThat(written.toString()).doesNotContain("s3cr3t-value");
        assertThat(written.has("signingSecret")).isFalse();
        assertThat(written.get("signingSecretSet").asBoolean()).isTrue();
        assertThat(mapper.writeValueAsString(sample(ChatbotSettingsSnapshot.TYPE))).doesNotContain("signingSecret\"");
    }

    @Test
    void aSettingsSnapshotCarryingASecretIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(mapper.writeValueAsString(sample(ChatbotSettingsSnapshot.TYPE)));
        ((ObjectNode) json.at("/settings/webhook")).put("signingSecret", "s3cr3t-value");

        assertThatThrownBy(() -> decoder.decode(json.toString(), Event.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("webhook");
    }

    @Test
    void emailRecipientsAreReadFromASeparatedStringOrAList() throws Exception {
        EmailSettings typed = mapper.readValue(
                "{\"enabled\":true,\"recipients\":\"a@x.com; b@y.com\",\"roundRobin\":true}", EmailSettings.class);
        EmailSettings listed = mapper.readValue("{\"recipients\":[\"a@x.com\"]}", EmailSettings.class);

        assertThat(typed.recipients()).containsExactly("a@x.com", "b@y.com");
        assertThat(typed.roundRobin()).isTrue();
        assertThat(listed.recipients()).containsExactly("a@x.com");
        assertThat(listed.enabled()).isFalse();
    }

    @Test
    void aSettingsSnapshotWithRecipientsAsOneStringIsValid() throws Exception {
        String json = """
                {"type":"chatbot.settings","eventId":"s-9","occurredAt":"2026-02-09T12:00:00Z",
                 "chatbotId":"chatbot-uuid","version":3,
                 "settings":{"email":{"enabled":true,"recipients":"a@x.com; b@y.com"}}}
                """;

        ChatbotSettingsSnapshot snapshot = decoder.decode(json, ChatbotSettingsSnapshot.class);

        assertThat(snapshot.settings().email().recipients()).containsExactly("a@x.com", "b@y.com");
        assertThat(snapshot.settings().handoffLevel()).isEqualTo(HandoffLevel.BALANCED);
    }

    private ObjectNode briefExample() throws Exception {
        return (ObjectNode) mapper.readTree(BRIEF_MESSAGE_CREATED);
    }

    /** A realistic instance of every catalogued type; a new type without a sample fails the round trip. */
    static Event sample(String type) {
        return switch (type) {
            case MessageCreated.TYPE -> new MessageCreated(null, "e-1", AT, CHATBOT, CONVERSATION, VISITOR,
                    new ChatMessage("m-2", MessageRole.ASSISTANT, "I'm not sure about refunds for annual plans."),
                    new AiAssessment(0.31, true));
            case EscalationAccepted.TYPE -> new EscalationAccepted(null, "e-2", AT, CHATBOT, CONVERSATION,
                    new VisitorRef(ExternalId.of(123), "jane@example.com", null, null, null));
            case EscalationDeclined.TYPE -> new EscalationDeclined(null, "e-3", AT, CHATBOT, CONVERSATION);
            case VisitorIdentified.TYPE -> new VisitorIdentified(null, "e-4", AT, CHATBOT, CONVERSATION,
                    new VisitorRef(ExternalId.of("v-123"), "jane@example.com", "Jane", null, null));
            case ConversationClosed.TYPE -> new ConversationClosed(null, "e-5", AT, CHATBOT, CONVERSATION, "timeout");
            case EscalationCreated.TYPE -> escalation();
            case EscalationOffered.TYPE -> new EscalationOffered(null, "d-1", AT, CHATBOT, CONVERSATION,
                    VisitorTexts.ENGLISH.escalationOffer());
            case ContactRequested.TYPE -> new ContactRequested(null, "d-2", AT, CHATBOT, CONVERSATION,
                    VisitorTexts.ENGLISH.contactRequest(), VisitorTexts.ENGLISH.emailPlaceholder());
            case ProblemRequested.TYPE -> new ProblemRequested(null, "d-3", AT, CHATBOT, CONVERSATION,
                    VisitorTexts.ENGLISH.problemRequest());
            case EscalationConfirmed.TYPE -> new EscalationConfirmed(null, "d-4", AT, CHATBOT, CONVERSATION,
                    ESCALATION_ID, "I've notified our team. Someone will get back to you within 15 minutes.", 15, true);
            case LivechatStarted.TYPE -> new LivechatStarted(null, "d-5", AT, CHATBOT, CONVERSATION, ESCALATION_ID,
                    AGENT, "Sam from our team has joined the conversation.");
            case AgentMessage.TYPE -> new AgentMessage(null, "d-6", AT, CHATBOT, CONVERSATION, AGENT, "am-1",
                    "Hi Jane, I can help with the refund.");
            case LivechatEnded.TYPE -> new LivechatEnded(null, "d-7", AT, CHATBOT, CONVERSATION, AGENT,
                    VisitorTexts.ENGLISH.liveChatEnded());
            case NotifyEmail.TYPE -> new NotifyEmail(null, "n-1", AT,
                    DeliveryIds.of(ESCALATION_ID, DeliveryChannel.EMAIL, "support@example.com"), escalation(),
                    "https://handoff.example.com/inbox/456", false, List.of("support@example.com"), "de", 15);
            case NotifySlack.TYPE -> new NotifySlack(null, "n-2", AT,
                    DeliveryIds.of(ESCALATION_ID, DeliveryChannel.SLACK, "C0123"), escalation(),
                    "https://handoff.example.com/inbox/456", true, "T0456", "C0123");
            case NotifyWebhook.TYPE -> new NotifyWebhook(null, "n-3", AT,
                    DeliveryIds.of(ESCALATION_ID, DeliveryChannel.WEBHOOK, "https://crm.example.com/hook"), escalation(),
                    "https://handoff.example.com/inbox/456", false, "https://crm.example.com/hook", "s3cr3t-value");
            case NotifyAlert.TYPE -> new NotifyAlert(null, "n-4", AT, "alert-1", "chatbot-uuid", "My Chatbot",
                    AlertKind.WEBHOOK_FAILING, "https://crm.example.com/hook", "HTTP 503; gave up after 10 attempt(s)", AT,
                    List.of("owner@example.com"), "en");
            case DeliveryResult.TYPE -> new DeliveryResult(null, "r-1", AT, ESCALATION_ID,
                    DeliveryIds.of(ESCALATION_ID, DeliveryChannel.WEBHOOK, "https://crm.example.com/hook"),
                    DeliveryChannel.WEBHOOK, "https://crm.example.com/hook", DeliveryStatus.RETRYING, 2, "HTTP 503");
            case ChatbotSettingsSnapshot.TYPE -> new ChatbotSettingsSnapshot(null, "s-1", AT, "chatbot-uuid", 7,
                    settings());
            case AgentReply.TYPE -> new AgentReply(null, "c-1", AT, CHATBOT, CONVERSATION, ESCALATION_ID,
                    new AgentRef("slack:T0456:U0789", "Sam"), "slack", "slack:T0456:C0123:1700000000.000200",
                    "Hi Jane, Sam here. Let me look at your refund.");
            case SlackConnection.TYPE -> new SlackConnection(null, "k-1", AT, "chatbot-uuid", "T0456", "Acme",
                    "C0123", "#support");
            default -> throw new AssertionError("no sample for event type " + type);
        };
    }

    private static EscalationCreated escalation() {
        Signal trigger = new Signal(SignalType.HUMAN_REQUEST, 0.95, "talk to a person");
        return new EscalationCreated(null, "x-1", AT, ESCALATION_ID, CHATBOT, CONVERSATION, VISITOR,
                "Can I talk to a person?",
                List.of(new TranscriptEntry(MessageRole.VISITOR, "Do you refund annual plans?", AT.minusSeconds(90)),
                        new TranscriptEntry(MessageRole.ASSISTANT, "I'm not sure about that.", AT.minusSeconds(85)),
                        new TranscriptEntry(MessageRole.AGENT, "Earlier live chat reply.", null),
                        new TranscriptEntry(MessageRole.VISITOR, "Can I talk to a person?", AT)),
                trigger,
                List.of(trigger, new Signal(SignalType.AI_LOW_CONFIDENCE, 0.69, "confidence 0.31 < 0.5")));
    }

    private static ChatbotSettings settings() {
        return new ChatbotSettings("My Chatbot", true, HandoffLevel.QUICK, true, true,
                new DetectionRules(List.of("billing dispute"), List.of("refund", "lawsuit"), 12, null, 0.4, 5),
                new EmailSettings(true, List.of("a@x.com", "b@y.com"), true),
                new SlackSettings(true, "T0456", "C0123"),
                // the secret itself never travels; the flag that one is set does
                new WebhookSettings(true, "https://crm.example.com/hook", null, true),
                15, List.of("lead@x.com"),
                new BusinessHoursSettings("Europe/Berlin", Map.of("monday", List.of("09:00-17:00")), List.of("2026-12-25"), null),
                Map.of("en", VisitorTexts.ENGLISH,
                        "de", new VisitorTexts("Möchten Sie mit einem Menschen sprechen?", "sie@beispiel.de",
                                null, null, null, null, null, null)));
    }
}
