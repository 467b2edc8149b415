package io.handoff.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.handoff.events.ExternalId;
import io.handoff.events.VisitorRef;
import io.handoff.events.notify.NotifyWebhook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The body third parties receive. Its field names, nesting and the type of every id are a published
 * contract (docs/webhooks.md); every field is always present, null when unknown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookPayload(String event, String title, String text, Chatbot chatbot, Visitor visitor,
                             Conversation conversation, @JsonProperty("inbox_url") String inboxUrl,
                             String timestamp) {

    public static final String EVENT = "escalation.created";

    /** ISO 8601 with a numeric offset ("+00:00"), the form the contract shows. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Chatbot(ExternalId id, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Visitor(ExternalId id, String email, @JsonProperty("first_name") String firstName,
                          @JsonProperty("last_name") String lastName, String phone) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Conversation(ExternalId id, @JsonProperty("last_message") String lastMessage) {
    }

    public static WebhookPayload from(NotifyWebhook command) {
        var escalation = command.escalation();
        VisitorRef visitor = escalation.visitor();
        String chatbotName = escalation.chatbot().name() != null ? escalation.chatbot().name() : escalation.chatbot().key();
        return new WebhookPayload(
                EVENT,
                chatbotName + ": Visitor needs human assistance",
                escalation.lastMessage(),
                new Chatbot(escalation.chatbot().id(), escalation.chatbot().name()),
                visitor == null ? null : new Visitor(visitor.id(), visitor.email(), visitor.firstName(),
                        visitor.lastName(), visitor.phone()),
                new Conversation(escalation.conversation().id(), escalation.lastMessage()),
                command.inboxUrl(),
                formatTimestamp(escalation.occurredAt()));
    }

    static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
    }
}
