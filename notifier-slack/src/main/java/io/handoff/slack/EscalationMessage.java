package io.handoff.slack;

import com.slack.api.model.block.LayoutBlock;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.NotifySlack;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The Slack message for an escalation: a plain-text fallback and Block Kit blocks. */
public record EscalationMessage(String text, List<LayoutBlock> blocks) {

    public static EscalationMessage of(NotifySlack command) {
        EscalationCreated escalation = command.escalation();
        String chatbot = escalation.chatbot().name() != null ? escalation.chatbot().name() : escalation.chatbot().key();
        String title = chatbot + ": Visitor needs human assistance";
        String fallback = title + " \u2014 \u201c" + escalation.lastMessage() + "\u201d " + command.inboxUrl();

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(title, 150)))));
        blocks.add(section(s -> s.text(markdownText(">" + escape(truncate(escalation.lastMessage(), 2800))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(visitorLine(escalation.visitor()))))));
        blocks.add(actions(a -> a.elements(List.of(button(b -> b
                .text(plainText("Open conversation"))
                .url(command.inboxUrl())
                .actionId("open_conversation"))))));
        return new EscalationMessage(fallback, blocks);
    }

    private static String visitorLine(VisitorRef visitor) {
        if (visitor == null) {
            return "Visitor: unknown";
        }
        StringBuilder line = new StringBuilder("Visitor: ");
        line.append(visitor.displayName() == null ? "unknown" : escape(visitor.displayName()));
        if (visitor.hasEmail()) {
            line.append(" \u00b7 ").append(escape(visitor.email()));
        }
        if (visitor.phone() != null) {
            line.append(" \u00b7 ").append(escape(visitor.phone()));
        }
        return line.toString();
    }

    /** Slack mrkdwn treats &, < and > as control characters. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
