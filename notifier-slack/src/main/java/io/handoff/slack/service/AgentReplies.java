package io.handoff.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.handoff.events.AgentRef;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.slack.persistence.Installation;
import io.handoff.slack.persistence.SlackThread;
import io.handoff.slack.persistence.ThreadRepository;
import io.handoff.slack.persistence.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a Slack {@code message} event and, when it is a person's reply in an escalation's thread,
 * makes the {@code agent.reply} command the live-chat gateway acts on. Everything else in the channel
 * (top-level chatter, edits, the bot's own posts) is none of Handoff's business.
 */
@ApplicationScoped
public class AgentReplies {

    private final ThreadRepository threads;
    private final WorkspaceRepository workspaces;
    private final SlackApi slack;

    public AgentReplies(ThreadRepository threads, WorkspaceRepository workspaces, SlackApi slack) {
        this.threads = threads;
        this.workspaces = workspaces;
        this.slack = slack;
    }

    public Optional<AgentReply> fromEvent(String teamId, JsonNode event) {
        if (!"message".equals(event.path("type").asText())
                || (event.hasNonNull("subtype") && !"thread_broadcast".equals(event.path("subtype").asText()))
                || event.hasNonNull("bot_id")) {
            return Optional.empty();
        }
        String threadTs = event.path("thread_ts").asText(null);
        String ts = event.path("ts").asText(null);
        String user = event.path("user").asText(null);
        String channel = event.path("channel").asText(null);
        String text = SlackText.plain(event.path("text").asText(""));
        if (threadTs == null || ts == null || threadTs.equals(ts) || user == null || channel == null || text.isEmpty()) {
            return Optional.empty();
        }
        Optional<SlackThread> thread = threads.findByMessage(teamId, channel, threadTs);
        Optional<Installation> installation = thread.flatMap(t -> workspaces.findCredentials(t.chatbotId(), teamId));
        if (thread.isEmpty() || installation.isEmpty() || user.equals(installation.get().botUserId())) {
            return Optional.empty();
        }
        EscalationCreated escalation = thread.get().notifyCommand().escalation();
        AgentRef agent = new AgentRef("slack:" + teamId + ":" + user, displayName(installation.get(), user));
        return Optional.of(new AgentReply(null, UUID.randomUUID().toString(), Instant.now(), escalation.chatbot(),
                escalation.conversation(), escalation.escalationId(), agent, "slack",
                "slack:" + teamId + ":" + channel + ":" + ts, text));
    }

    /** The name the visitor sees: the agent's Slack display name, or the user id when Slack cannot say. */
    private String displayName(Installation installation, String userId) {
        try {
            UsersInfoResponse info = slack.as(installation.botToken()).usersInfo(r -> r.user(userId));
            if (info.isOk() && info.getUser() != null) {
                User u = info.getUser();
                if (u.getProfile() != null && notBlank(u.getProfile().getDisplayName())) {
                    return u.getProfile().getDisplayName();
                }
                if (notBlank(u.getRealName())) {
                    return u.getRealName();
                }
                if (notBlank(u.getName())) {
                    return u.getName();
                }
            }
        } catch (IOException | SlackApiException e) {
            // the reply matters more than the name: fall back to the id
        }
        return userId;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
