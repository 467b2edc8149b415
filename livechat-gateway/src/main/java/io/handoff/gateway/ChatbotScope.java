package io.handoff.gateway;

import java.util.List;
import java.util.Set;

/** The chatbots an agent serves: every one (administrators) or those their token lists. */
public record ChatbotScope(boolean all, Set<String> chatbots) {

    public ChatbotScope {
        chatbots = Set.copyOf(chatbots);
    }

    public static ChatbotScope everyChatbot() {
        return new ChatbotScope(true, Set.of());
    }

    public static ChatbotScope of(List<String> chatbots) {
        return new ChatbotScope(false, Set.copyOf(chatbots));
    }

    public boolean serves(String chatbotId) {
        return all || chatbots.contains(chatbotId);
    }

    public boolean isEmpty() {
        return !all && chatbots.isEmpty();
    }
}
