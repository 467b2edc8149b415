package io.handoff.slack.service;

import io.handoff.events.AgentRef;
import io.handoff.slack.persistence.Installation;
import io.handoff.slack.persistence.SlackThread;
import io.handoff.slack.persistence.ThreadRepository;
import io.handoff.slack.persistence.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Keeps an escalation's Slack thread current: when an agent joins or live chat ends, a line goes into
 * the thread and the first message is redrawn with the new status, so the channel shows at a glance
 * which escalations are still waiting.
 */
@ApplicationScoped
public class ThreadUpdates {

    private static final Logger LOG = Logger.getLogger(ThreadUpdates.class);

    private final ThreadRepository threads;
    private final WorkspaceRepository workspaces;
    private final SlackCaller slack;

    public ThreadUpdates(ThreadRepository threads, WorkspaceRepository workspaces, SlackCaller slack) {
        this.threads = threads;
        this.workspaces = workspaces;
        this.slack = slack;
    }

    /** An agent took the conversation over. A repeated notice for the same agent changes nothing. */
    public void agentJoined(String chatbotId, String conversationId, String escalationId, AgentRef agent)
            throws SlackFailure {
        Optional<SlackThread> found = escalationId != null
                ? threads.findByEscalation(escalationId) : threads.findLatest(chatbotId, conversationId);
        if (found.isEmpty() || !found.get().status().equals(SlackThread.OPEN)) {
            return;
        }
        String name = name(agent);
        update(found.get(), ":raising_hand: *" + EscalationMessage.escape(name) + "* joined the conversation.",
                EscalationMessage.Status.claimedBy(name));
        threads.advance(found.get().escalationId(), SlackThread.CLAIMED, name);
    }

    /** Live chat ended and the chatbot answers again. */
    public void liveChatEnded(String chatbotId, String conversationId, AgentRef agent) throws SlackFailure {
        Optional<SlackThread> found = threads.findLatest(chatbotId, conversationId);
        if (found.isEmpty() || found.get().status().equals(SlackThread.RESOLVED)) {
            return;
        }
        String name = name(agent);
        update(found.get(), ":white_check_mark: *" + EscalationMessage.escape(name)
                + "* ended the live chat; the chatbot answers the visitor again.", EscalationMessage.Status.resolvedBy(name));
        threads.advance(found.get().escalationId(), SlackThread.RESOLVED, name);
    }

    private void update(SlackThread thread, String news, EscalationMessage.Status status) throws SlackFailure {
        Installation installation = workspaces.findCredentials(thread.chatbotId(), thread.teamId()).orElse(null);
        if (installation == null) {
            LOG.warnf("escalation %s: the Slack workspace %s is no longer connected; its thread is not updated",
                    thread.escalationId(), thread.teamId());
            return;
        }
        SlackTarget target = new SlackTarget(installation, thread.channelId());
        EscalationMessage redrawn = EscalationMessage.of(thread.notifyCommand(), status);
        slack.call(target.token(), target.channelKey(), m -> m.chatPostMessage(r -> r
                .channel(thread.channelId())
                .threadTs(thread.threadTs())
                .text(news)), SlackCaller.RetryListener.NONE);
        slack.call(target.token(), target.channelKey(), m -> m.chatUpdate(r -> r
                .channel(thread.channelId())
                .ts(thread.threadTs())
                .text(redrawn.text())
                .blocks(redrawn.blocks())), SlackCaller.RetryListener.NONE);
    }

    private static String name(AgentRef agent) {
        if (agent == null) {
            return "An agent";
        }
        return agent.name() != null && !agent.name().isBlank() ? agent.name() : agent.id();
    }
}
