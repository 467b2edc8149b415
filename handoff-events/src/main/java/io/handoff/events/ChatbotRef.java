package io.handoff.events;

/** The chatbot a conversation belongs to, as the upstream chat service names it. */
public record ChatbotRef(ExternalId id, String name) {

    /** The id as used for Kafka keys and the settings API. */
    public String key() {
        return id.value();
    }
}
