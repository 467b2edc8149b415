package io.handoff.events;

/**
 * One conversation in the upstream chat service.
 *
 * @param channel where the visitor talks to the chatbot ({@code web}, {@code sms}, ...)
 * @param locale  BCP 47 language tag used to pick visitor-facing texts and emails; may be null
 */
public record ConversationRef(ExternalId id, String channel, String locale) {

    /** The id as used for Kafka keys: everything about one conversation shares a partition. */
    public String key() {
        return id.value();
    }
}
