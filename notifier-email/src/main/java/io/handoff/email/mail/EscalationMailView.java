package io.handoff.email.mail;

import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.notify.NotifyEmail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What an escalation email shows, already in the recipient's language where words come from data
 * (the reason, the transcript's speakers), so the templates only lay it out.
 *
 * @param reason           why it escalated, as one sentence
 * @param visitorEmail     as the visitor gave it, or null
 * @param visitorReachable true when {@code visitorEmail} is a plain address that replies can go to
 * @param inboxUrl         the agent console link, or null when the command's link is not http(s)
 * @param escalatedAt      when the escalation happened, e.g. {@code 2026-02-09 12:00 UTC}
 */
public record EscalationMailView(String chatbotName, String reason, String visitorName, String visitorEmail,
                                 boolean visitorReachable, String visitorPhone, String lastMessage,
                                 List<Line> transcript, String inboxUrl, Integer expectedResponseMinutes,
                                 String escalatedAt) {

    /** One transcript line: who said it, when (UTC, HH:mm), what, and whether it was the visitor. */
    public record Line(String who, String time, String text, boolean visitor) {
    }

    /** Long conversations show their most recent lines; the console has the rest. */
    static final int MAX_TRANSCRIPT_LINES = 30;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static EscalationMailView of(NotifyEmail command, EmailMessages msg) {
        EscalationCreated escalation = command.escalation();
        VisitorRef visitor = escalation.visitor();
        String name = visitor == null ? null : visitor.displayName();
        String email = visitor == null || !visitor.hasEmail() ? null : visitor.email().trim();
        List<TranscriptEntry> entries = escalation.transcript();
        List<Line> lines = entries.subList(Math.max(0, entries.size() - MAX_TRANSCRIPT_LINES), entries.size()).stream()
                .map(t -> line(t, msg))
                .toList();
        Instant at = escalation.occurredAt();
        return new EscalationMailView(
                chatbotName(escalation),
                reason(escalation.trigger(), msg),
                name == null ? msg.unknownVisitor() : name,
                email,
                EmailAddresses.isPlainAddress(email),
                visitor == null || visitor.phone() == null || visitor.phone().isBlank() ? null : visitor.phone(),
                escalation.lastMessage(),
                lines,
                webLink(command.inboxUrl()),
                command.expectedResponseMinutes(),
                at == null ? null : DATE_TIME.format(at));
    }

    public static String chatbotName(EscalationCreated escalation) {
        String name = escalation.chatbot().name();
        return name != null && !name.isBlank() ? name : escalation.chatbot().key();
    }

    /** The trigger in words an agent understands at a glance, with what the visitor said when known. */
    static String reason(Signal trigger, EmailMessages msg) {
        if (trigger == null) {
            return msg.reasonAlone(msg.reasonHumanRequest());
        }
        String why = switch (trigger.type()) {
            case SignalType.HUMAN_REQUEST -> msg.reasonHumanRequest();
            case SignalType.FRUSTRATION -> msg.reasonFrustration();
            case SignalType.REPEATED_QUESTION -> msg.reasonRepeatedQuestion();
            case SignalType.RESTRICTED_TOPIC -> msg.reasonRestrictedTopic();
            case SignalType.KEYWORD -> msg.reasonKeyword();
            case SignalType.AI_LOW_CONFIDENCE -> msg.reasonAiLowConfidence();
            case SignalType.AI_HANDOFF_SUGGESTED -> msg.reasonAiHandoffSuggested();
            case SignalType.MESSAGE_COUNT -> msg.reasonMessageCount();
            case SignalType.NO_RESOLUTION_TIME -> msg.reasonNoResolutionTime();
            default -> msg.reasonOther();
        };
        return trigger.evidence() == null || trigger.evidence().isBlank()
                ? msg.reasonAlone(why)
                : msg.reasonWithEvidence(why, trigger.evidence());
    }

    private static Line line(TranscriptEntry entry, EmailMessages msg) {
        String who = switch (entry.role()) {
            case VISITOR -> msg.roleVisitor();
            case ASSISTANT -> msg.roleAi();
            case AGENT -> msg.roleAgent();
        };
        return new Line(who, entry.at() == null ? "" : TIME.format(entry.at()), entry.text(),
                entry.role() == MessageRole.VISITOR);
    }

    /** Only http(s) links become a button: anything else (javascript:, data:) is not something to click. */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? trimmed : null;
    }
}
