package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedConversationsTest {

    private final SimulatedConversations conversations = new SimulatedConversations();

    @Test
    void keepsOnlyTheNewestEntriesOfAConversationAndGoesOnNumbering() {
        for (int i = 0; i < SimulatedConversations.MAX_ENTRIES + 5; i++) {
            conversations.addMessage("c1", "visitor", text("message " + i));
        }
        SimulatedConversations.Snapshot all = conversations.since("c1", 0);
        assertThat(all.entries()).hasSize(SimulatedConversations.MAX_ENTRIES);
        assertThat(all.entries().get(0).n()).isEqualTo(6);
        assertThat(all.last()).isEqualTo(SimulatedConversations.MAX_ENTRIES + 5);
    }

    @Test
    void forgetsTheLeastRecentlyUsedConversationBeyondTheLimit() {
        conversations.addMessage("first", "visitor", text("hello"));
        for (int i = 0; i < SimulatedConversations.MAX_CONVERSATIONS; i++) {
            conversations.addMessage("c" + i, "visitor", text("hello"));
        }
        assertThat(conversations.since("first", 0).entries()).isEmpty();
        assertThat(conversations.since("c0", 0).entries()).hasSize(1);
    }

    @Test
    void aRedeliveredDirectiveIsRecordedOnce() throws Exception {
        JsonNode offered = directive("{\"type\": \"escalation.offered\", \"eventId\": \"d-1\", \"text\": \"Shall I?\"}");
        assertThat(conversations.addDirective("c1", offered)).isTrue();
        assertThat(conversations.addDirective("c1", offered)).isFalse();
        assertThat(conversations.since("c1", 0).entries()).hasSize(1);
    }

    @Test
    void whoAnswersFollowsTheDirectives() throws Exception {
        assertThat(conversations.aiMayAnswer("c1")).isTrue();
        conversations.addDirective("c1", directive("{\"type\": \"escalation.confirmed\", \"eventId\": \"d-1\", \"aiKeepsAnswering\": true}"));
        assertThat(conversations.aiMayAnswer("c1")).isTrue();
        conversations.addDirective("c1", directive("{\"type\": \"livechat.started\", \"eventId\": \"d-2\", \"agent\": {\"id\": \"a\", \"name\": \"Sam\"}}"));
        assertThat(conversations.aiMayAnswer("c1")).isFalse();
        assertThat(conversations.since("c1", 0).agentName()).isEqualTo("Sam");
        conversations.addDirective("c1", directive("{\"type\": \"livechat.ended\", \"eventId\": \"d-3\"}"));
        assertThat(conversations.aiMayAnswer("c1")).isTrue();
        conversations.addDirective("c1", directive("{\"type\": \"escalation.confirmed\", \"eventId\": \"d-4\", \"aiKeepsAnswering\": false}"));
        assertThat(conversations.since("c1", 0).mode()).isEqualTo(SimulatedConversations.Mode.WAITING);
    }

    private static JsonNode text(String text) {
        return EventJson.mapper().createObjectNode().put("text", text);
    }

    private static JsonNode directive(String json) throws Exception {
        return EventJson.mapper().readTree(json);
    }
}
