package io.handoff.detector.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.AiAssessment;
import io.handoff.events.MessageRole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A conversation to replay through the rule tester, read from its JSON and held to the same bounds as
 * the stream: no message larger than an event may be, no more messages than a replay needs, and ids and
 * locales of the sizes the event contract allows. Anything else is refused with the field named.
 *
 * @param chatbotId the chatbot whose rules to apply, or empty for the defaults
 */
record RuleTestRequest(Optional<String> chatbotId, String locale, List<Message> messages) {

    /** The most messages one replay takes. */
    static final int MAX_MESSAGES = 50;
    /** The most bytes of one message's text: an event's whole value is at most 32 KiB. */
    static final int MAX_TEXT_BYTES = 32 * 1024;
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_LOCALE_LENGTH = 35;

    record Message(MessageRole role, String text, AiAssessment ai) {
    }

    /** Why a request was refused: the field, as a JSON path, and what is wrong with it. */
    record Refusal(String field, String message) {
    }

    /** Thrown by {@link #read} for the first field that breaks a rule. */
    static final class InvalidRequest extends Exception {
        private final Refusal refusal;

        InvalidRequest(String field, String message) {
            super(field + ": " + message, null, false, false);
            this.refusal = new Refusal(field, message);
        }

        Refusal refusal() {
            return refusal;
        }
    }

    static RuleTestRequest read(JsonNode request) throws InvalidRequest {
        if (request == null || !request.isObject()) {
            throw new InvalidRequest("$", "send a JSON object with a messages array");
        }
        Optional<String> chatbotId = chatbotId(request.get("chatbotId"));
        String locale = locale(request.get("locale"));
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("messages", "at least one message is required");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw new InvalidRequest("messages", "at most " + MAX_MESSAGES + " messages can be replayed at once");
        }
        List<Message> read = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            read.add(message(messages.get(i), "messages[" + i + "]"));
        }
        return new RuleTestRequest(chatbotId, locale, read);
    }

    private static Optional<String> chatbotId(JsonNode node) throws InvalidRequest {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String id = node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.asText() : null;
        if (id == null) {
            throw new InvalidRequest("chatbotId", "must be a string or an integer");
        }
        if (id.isBlank()) {
            throw new InvalidRequest("chatbotId", "must not be blank; leave it out to test the default rules");
        }
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequest("chatbotId", "must be at most " + MAX_ID_LENGTH + " characters, without control characters");
        }
        return Optional.of(id);
    }

    private static String locale(JsonNode node) throws InvalidRequest {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().length() > MAX_LOCALE_LENGTH
                || node.textValue().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequest("locale", "must be a language tag such as \"de\" or \"pt-BR\"");
        }
        return node.textValue();
    }

    private static Message message(JsonNode message, String path) throws InvalidRequest {
        String role = message.path("role").asText("");
        if (!role.equals("visitor") && !role.equals("assistant")) {
            throw new InvalidRequest(path + ".role", "must be \"visitor\" or \"assistant\"");
        }
        JsonNode text = message.get("text");
        if (text == null || !text.isTextual()) {
            throw new InvalidRequest(path + ".text", "a text is required");
        }
        if (text.textValue().getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new InvalidRequest(path + ".text", "must be at most " + MAX_TEXT_BYTES
                    + " bytes of UTF-8, as on the conversation-events topic");
        }
        return new Message(role.equals("visitor") ? MessageRole.VISITOR : MessageRole.ASSISTANT, text.textValue(),
                ai(message.get("ai"), path + ".ai"));
    }

    private static AiAssessment ai(JsonNode ai, String path) throws InvalidRequest {
        if (ai == null || !ai.isObject()) {
            return null;
        }
        JsonNode confidence = ai.get("confidence");
        boolean absent = confidence == null || confidence.isNull();
        if (!absent && (!confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1)) {
            throw new InvalidRequest(path + ".confidence", "must be a number between 0 and 1");
        }
        return new AiAssessment(absent ? null : confidence.asDouble(), ai.path("handoffSuggested").asBoolean(false));
    }
}
