package io.handoff.detector.stream;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

/**
 * The key of a conversation's state: its chatbot and its id together. Conversation ids are the upstream
 * chat service's and unique only within a chatbot; keyed by the id alone, a message of chatbot B would
 * continue chatbot A's conversation of the same id (its window, its stage, its visitor's email).
 *
 * <p>The chatbot id's length comes first ({@code 8:demo-bot|42}), so that no pair of ids, whatever
 * characters they hold, gives the key of another pair.
 */
public final class ConversationKey {

    private ConversationKey() {
    }

    public static String of(ChatbotRef chatbot, ConversationRef conversation) {
        return of(chatbot.key(), conversation.key());
    }

    public static String of(String chatbotId, String conversationId) {
        return chatbotId.length() + ":" + chatbotId + "|" + conversationId;
    }
}
