package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the visitor simulator knows of each conversation: the messages it wrote as the visitor and as
 * the AI, and the directives Handoff sent back, in the order they happened. Entries are numbered per
 * conversation so a page can ask for those after the last one it has.
 *
 * <p>It also keeps who may answer the visitor, as the upstream chat service must: the AI, unless
 * {@code escalation.confirmed} said it waits ({@code aiKeepsAnswering: false}) or an agent joined
 * ({@code livechat.started}); {@code livechat.ended} gives the conversation back to the AI.
 *
 * <p>Memory is bounded: at most {@value #MAX_ENTRIES} entries per conversation (the oldest go) and
 * {@value #MAX_CONVERSATIONS} conversations (the least recently used go).
 */
final class SimulatedConversations {

    static final int MAX_ENTRIES = 200;
    static final int MAX_CONVERSATIONS = 500;

    /** Who answers the visitor now. */
    enum Mode {
        /** The AI answers. */
        AI,
        /** The team was notified and the AI was told to wait for them. */
        WAITING,
        /** An agent talks to the visitor; the AI must not answer. */
        LIVE
    }

    /** One line of a conversation: {@code kind} is {@code visitor}, {@code assistant} or {@code directive}. */
    record Entry(long n, String kind, JsonNode body) {
    }

    /** A conversation as a page polls it: who answers now, and the entries after the one it asked from. */
    record Snapshot(String conversationId, Mode mode, String agentName, long last, List<Entry> entries) {
    }

    private static final class Conversation {
        long last;
        Mode mode = Mode.AI;
        String agentName;
        final Deque<Entry> entries = new ArrayDeque<>();
        final Set<String> eventIds = new LinkedHashSet<>();
    }

    private final Map<String, Conversation> conversations = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
            return size() > MAX_CONVERSATIONS;
        }
    };

    /**
     * Records a directive from {@code handoff.directives}. Delivery is at least once, so a directive
     * whose {@code eventId} was seen already is dropped; returns whether it was recorded.
     */
    synchronized boolean addDirective(String conversationId, JsonNode directive) {
        Conversation conversation = conversation(conversationId);
        String eventId = directive.path("eventId").asText("");
        if (!eventId.isEmpty() && !conversation.eventIds.add(eventId)) {
            return false;
        }
        while (conversation.eventIds.size() > 2 * MAX_ENTRIES) {
            conversation.eventIds.remove(conversation.eventIds.iterator().next());
        }
        switch (directive.path("type").asText("")) {
            case "escalation.confirmed" -> {
                if (conversation.mode == Mode.AI && !directive.path("aiKeepsAnswering").asBoolean(true)) {
                    conversation.mode = Mode.WAITING;
                }
            }
            case "livechat.started" -> {
                conversation.mode = Mode.LIVE;
                conversation.agentName = directive.path("agent").path("name").asText(null);
            }
            case "livechat.ended" -> {
                conversation.mode = Mode.AI;
                conversation.agentName = null;
            }
            default -> {
                // other directives are shown to the visitor but do not change who answers
            }
        }
        append(conversation, "directive", directive);
        return true;
    }

    /** Records a message the simulator produced, as the visitor or as the AI. */
    synchronized Entry addMessage(String conversationId, String kind, JsonNode body) {
        return append(conversation(conversationId), kind, body);
    }

    /** Whether the AI may answer the visitor's next message. */
    synchronized boolean aiMayAnswer(String conversationId) {
        Conversation conversation = conversations.get(conversationId);
        return conversation == null || conversation.mode == Mode.AI;
    }

    /** The entries numbered above {@code after}, oldest first, and who answers now. */
    synchronized Snapshot since(String conversationId, long after) {
        Conversation conversation = conversations.get(conversationId);
        if (conversation == null) {
            return new Snapshot(conversationId, Mode.AI, null, 0, List.of());
        }
        List<Entry> entries = conversation.entries.stream().filter(e -> e.n() > after).toList();
        return new Snapshot(conversationId, conversation.mode, conversation.agentName, conversation.last, entries);
    }

    private Conversation conversation(String conversationId) {
        return conversations.computeIfAbsent(conversationId, id -> new Conversation());
    }

    private static Entry append(Conversation conversation, String kind, JsonNode body) {
        Entry entry = new Entry(++conversation.last, kind, body);
        conversation.entries.addLast(entry);
        while (conversation.entries.size() > MAX_ENTRIES) {
            conversation.entries.removeFirst();
        }
        return entry;
    }
}
