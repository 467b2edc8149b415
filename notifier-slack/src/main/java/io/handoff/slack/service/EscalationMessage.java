package io.handoff.slack.service;

import com.slack.api.model.block.LayoutBlock;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.notify.NotifySlack;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The Slack message for an escalation: Block Kit blocks and the plain {@code text} that Slack shows in
 * notifications and to clients that cannot render blocks. The same escalation is drawn again with a
 * status line when an agent claims it or live chat ends.
 */
public record EscalationMessage(String text, List<LayoutBlock> blocks) {

    /** Transcript lines shown in Slack; the full transcript is behind the button. */
    static final int TRANSCRIPT_LINES = 6;
    private static final int SECTION_LIMIT = 2900;

    /** What the thread shows about who has the conversation. */
    public record Status(String emoji, String words) {

        public static final Status WAITING = new Status(":hourglass_flowing_sand:", "Waiting for an agent");

        public static Status claimedBy(String agent) {
            return new Status(":raising_hand:", "Claimed by " + agent);
        }

        public static Status resolvedBy(String agent) {
            return new Status(":white_check_mark:", "Resolved by " + agent + ". The chatbot answers again.");
        }
    }

    public static EscalationMessage of(NotifySlack command) {
        return of(command, Status.WAITING);
    }

    public static EscalationMessage of(NotifySlack command, Status status) {
        EscalationCreated escalation = command.escalation();
        String chatbot = chatbotName(escalation);
        String title = chatbot + ": Visitor needs human assistance";
        String fallback = title + " \u2014 " + reason(escalation.trigger()) + " \u2014 \u201c"
                + truncate(escalation.lastMessage(), 300) + "\u201d " + command.inboxUrl();

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(title, 150)))));
        blocks.add(section(s -> s.fields(List.of(
                markdownText("*Chatbot*\n" + escape(chatbot)),
                markdownText("*Why*\n" + escape(reason(escalation.trigger()))),
                markdownText("*Visitor*\n" + visitor(escalation.visitor())),
                markdownText("*Conversation*\n" + escape(escalation.conversation().id().value())
                        + channelOf(escalation))))));
        blocks.add(section(s -> s.text(markdownText("*Last message*\n>"
                + escape(truncate(escalation.lastMessage(), SECTION_LIMIT)).replace("\n", "\n>")))));
        String transcript = transcript(escalation.transcript());
        if (!transcript.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(transcript))));
        }
        blocks.add(actions(a -> a.elements(List.of(button(b -> b
                .text(plainText("Open conversation"))
                .url(command.inboxUrl())
                .style("primary")
                .actionId("open_conversation"))))));
        blocks.add(divider());
        blocks.add(context(c -> c.elements(List.of(markdownText(status.emoji() + " *" + escape(status.words())
                + "*  \u00b7  Reply in this thread to answer the visitor.")))));
        return new EscalationMessage(fallback, blocks);
    }

    /** The trigger in words an agent understands at a glance, with what fired it. */
    static String reason(Signal trigger) {
        if (trigger == null) {
            return "Asked for a person";
        }
        String why = switch (trigger.type()) {
            case SignalType.HUMAN_REQUEST -> "Asked for a person";
            case SignalType.FRUSTRATION -> "Seems frustrated";
            case SignalType.REPEATED_QUESTION -> "Asked the same thing again";
            case SignalType.RESTRICTED_TOPIC -> "Raised a topic that always goes to a person";
            case SignalType.KEYWORD -> "Used a keyword you watch for";
            case SignalType.AI_LOW_CONFIDENCE -> "The chatbot was not confident in its answer";
            case SignalType.AI_HANDOFF_SUGGESTED -> "The chatbot suggested a person take over";
            case SignalType.MESSAGE_COUNT -> "Long conversation without a resolution";
            case SignalType.NO_RESOLUTION_TIME -> "No resolution for too long";
            default -> "Needs a person";
        };
        return trigger.evidence() == null || trigger.evidence().isBlank()
                ? why : why + " (\u201c" + truncate(trigger.evidence(), 200) + "\u201d)";
    }

    private static String chatbotName(EscalationCreated escalation) {
        String name = escalation.chatbot().name();
        return name != null && !name.isBlank() ? name : escalation.chatbot().key();
    }

    private static String channelOf(EscalationCreated escalation) {
        String channel = escalation.conversation().channel();
        return channel == null || channel.isBlank() ? "" : " (" + escape(channel) + ")";
    }

    private static String visitor(VisitorRef visitor) {
        if (visitor == null) {
            return "unknown";
        }
        List<String> parts = new ArrayList<>();
        parts.add(visitor.displayName() == null ? "name unknown" : escape(visitor.displayName()));
        if (visitor.hasEmail()) {
            parts.add("<mailto:" + escape(visitor.email()) + "|" + escape(visitor.email()) + ">");
        }
        if (visitor.phone() != null && !visitor.phone().isBlank()) {
            parts.add(escape(visitor.phone()));
        }
        return String.join("\n", parts);
    }

    private static String transcript(List<TranscriptEntry> entries) {
        if (entries.size() <= 1) {
            return "";
        }
        List<TranscriptEntry> recent = entries.subList(Math.max(0, entries.size() - TRANSCRIPT_LINES), entries.size());
        StringBuilder lines = new StringBuilder("*Recent conversation*");
        for (TranscriptEntry entry : recent) {
            String who = switch (entry.role()) {
                case VISITOR -> "Visitor";
                case ASSISTANT -> "Chatbot";
                case AGENT -> "Agent";
                default -> "System";
            };
            lines.append("\n*").append(who).append(":* ").append(escape(truncate(entry.text(), 280)).replace("\n", " "));
        }
        return truncate(lines.toString(), SECTION_LIMIT);
    }

    /** Slack mrkdwn treats &, < and > as control characters. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
