package io.handoff.events.access;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a verified token lets its bearer do, decided from its {@code groups} and the claim that lists
 * chatbot ids. Being listed for a chatbot gives nothing on its own: the group says in which role.
 * An agent of a chatbot may talk to its visitors and read its escalations, never change its settings;
 * an administrator of a chatbot configures it; the global administrator does both for every chatbot and
 * is the only one who may use the operator APIs.
 */
public final class TokenRoles {

    private final boolean globalAdmin;
    private final boolean chatbotAdmin;
    private final boolean agent;
    private final Set<String> chatbots;

    private TokenRoles(boolean globalAdmin, boolean chatbotAdmin, boolean agent, Set<String> chatbots) {
        this.globalAdmin = globalAdmin;
        this.chatbotAdmin = chatbotAdmin;
        this.agent = agent;
        this.chatbots = Set.copyOf(chatbots);
    }

    /**
     * @param groups       the token's groups, or null
     * @param chatbotClaim the value of the claim that lists chatbot ids: a JSON array or string as the
     *                     JWT library returns it, a collection or a string; anything else lists none
     */
    public static TokenRoles of(Set<String> groups, Object chatbotClaim, RoleGroups names) {
        Set<String> held = groups == null ? Set.of() : groups;
        return new TokenRoles(held.contains(names.admin()), held.contains(names.chatbotAdmin()),
                held.contains(names.agent()), listed(chatbotClaim));
    }

    public boolean isGlobalAdmin() {
        return globalAdmin;
    }

    /** May change the chatbot's configuration: settings, teams, canned replies, Slack, private rules. */
    public boolean administers(String chatbotId) {
        return globalAdmin || chatbotAdmin && chatbots.contains(chatbotId);
    }

    /** May take the chatbot's conversations over in the console. */
    public boolean serves(String chatbotId) {
        return globalAdmin || agent && chatbots.contains(chatbotId);
    }

    /** May read what happened to the chatbot's escalations (tracking, statistics). */
    public boolean mayRead(String chatbotId) {
        return administers(chatbotId) || serves(chatbotId);
    }

    /** The chatbots this token's bearer serves as an agent; meaningless for the global administrator. */
    public Set<String> servedChatbots() {
        return agent ? chatbots : Set.of();
    }

    /** Holds at least one of the three roles. */
    public boolean hasAnyRole() {
        return globalAdmin || chatbotAdmin || agent;
    }

    private static Set<String> listed(Object claim) {
        Set<String> ids = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    ids.add(s.getString());
                }
            }
        } else if (claim instanceof JsonString s) {
            ids.add(s.getString());
        } else if (claim instanceof Collection<?> collection) {
            collection.stream().filter(String.class::isInstance).map(String.class::cast).forEach(ids::add);
        } else if (claim instanceof String s) {
            ids.add(s);
        }
        ids.removeIf(String::isBlank);
        return ids;
    }
}
