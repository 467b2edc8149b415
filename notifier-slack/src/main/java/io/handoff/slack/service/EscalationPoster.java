package io.handoff.slack.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifySlack;
import io.handoff.slack.persistence.Connection;
import io.handoff.slack.persistence.Installation;
import io.handoff.slack.persistence.SlackThread;
import io.handoff.slack.persistence.ThreadRepository;
import io.handoff.slack.persistence.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Posts an escalation to Slack as the first message of its own thread, or a reminder into that
 * thread. A command delivered again after its message was posted does not post a second message.
 */
@ApplicationScoped
public class EscalationPoster {

    /** What happened, for the delivery report. */
    public record Posted(String channel, String ts, String detail) {
    }

    private final WorkspaceRepository workspaces;
    private final ThreadRepository threads;
    private final SlackCaller slack;

    public EscalationPoster(WorkspaceRepository workspaces, ThreadRepository threads, SlackCaller slack) {
        this.workspaces = workspaces;
        this.threads = threads;
        this.slack = slack;
    }

    public Posted deliver(NotifySlack command, SlackCaller.RetryListener listener) throws SlackFailure {
        String escalationId = command.escalation().escalationId();
        Optional<SlackThread> thread = threads.findByEscalation(escalationId);
        if (command.reminder() && thread.isPresent()) {
            return remindInThread(command, thread.get(), listener);
        }
        if (!command.reminder() && thread.isPresent()) {
            return new Posted(thread.get().channelId(), thread.get().threadTs(),
                    "already posted, ts " + thread.get().threadTs());
        }
        SlackTarget target = target(command);
        EscalationMessage message = command.reminder()
                ? EscalationMessage.of(command, new EscalationMessage.Status(":alarm_clock:",
                "Reminder: no agent has answered yet"))
                : EscalationMessage.of(command);
        ChatPostMessageResponse response = slack.call(target.token(), target.channelKey(), m -> m.chatPostMessage(r -> r
                .channel(target.channel())
                .text(message.text())
                .blocks(message.blocks())
                .unfurlLinks(false)
                .unfurlMedia(false)), listener);
        threads.save(new SlackThread(escalationId, command.escalation().chatbot().key(),
                command.escalation().conversation().id().value(), target.installation().teamId(),
                response.getChannel(), response.getTs(), json(command), SlackThread.OPEN, null, Instant.now()));
        return new Posted(response.getChannel(), response.getTs(), "posted, ts " + response.getTs());
    }

    private Posted remindInThread(NotifySlack command, SlackThread thread, SlackCaller.RetryListener listener)
            throws SlackFailure {
        Installation installation = workspaces.findCredentials(thread.chatbotId(), thread.teamId()).orElseThrow(() ->
                new SlackFailure("the Slack workspace " + thread.teamId() + " is no longer connected", true));
        SlackTarget target = new SlackTarget(installation, thread.channelId());
        String text = ":alarm_clock: Reminder: no agent has answered this visitor yet. <"
                + command.inboxUrl() + "|Open the conversation> or reply in this thread.";
        ChatPostMessageResponse response = slack.call(target.token(), target.channelKey(), m -> m.chatPostMessage(r -> r
                .channel(thread.channelId())
                .threadTs(thread.threadTs())
                .replyBroadcast(true)
                .text(text)
                .unfurlLinks(false)), listener);
        return new Posted(thread.channelId(), response.getTs(), "reminder posted in thread " + thread.threadTs());
    }

    /**
     * The workspace and channel for a command: the ones it names, or else the chatbot's connection
     * (the channel chosen when Slack was connected).
     */
    private SlackTarget target(NotifySlack command) throws SlackFailure {
        String chatbotId = command.escalation().chatbot().key();
        Optional<Connection> connection = workspaces.findConnection(chatbotId);
        String teamId = blank(command.teamId()) ? connection.map(Connection::teamId).orElse(null) : command.teamId();
        if (teamId == null) {
            throw new SlackFailure("no Slack workspace is connected for chatbot " + chatbotId, true);
        }
        // the chatbot posts only with its own connection's token, and only to the workspace it connected
        Installation installation = workspaces.findCredentials(chatbotId, teamId).orElseThrow(() ->
                new SlackFailure("chatbot " + chatbotId + " is not connected to the Slack workspace " + teamId, true));
        String channel = blank(command.channel()) ? connection.map(Connection::channelId).orElse(null) : command.channel();
        if (channel == null) {
            throw new SlackFailure("no Slack channel is set for chatbot " + chatbotId, true);
        }
        return new SlackTarget(installation, channel);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String json(NotifySlack command) {
        try {
            return EventJson.mapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notify.slack command that was just read cannot be written", e);
        }
    }
}
