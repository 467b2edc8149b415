package io.handoff.email;

import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.notify.NotifyEmail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What an escalation email shows, prepared so the templates only lay it out. */
public record EscalationMailView(String chatbotName, String reason, String visitorName, String visitorEmail,
                                 String visitorPhone, String lastMessage, List<Line> transcript,
                                 String inboxUrl, Integer expectedResponseMinutes) {

    /** One transcript line: who said it, when (UTC, HH:mm) and what. */
    public record Line(String who, String time, String text) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    public static EscalationMailView of(NotifyEmail command) {
        EscalationCreated escalation = command.escalation();
        VisitorRef visitor = escalation.visitor();
        String name = visitor == null ? null : visitor.displayName();
        return new EscalationMailView(
                chatbotName(escalation),
                reason(escalation.trigger()),
                name == null ? "A visitor" : name,
                visitor == null ? null : visitor.email(),
                visitor == null ? null : visitor.phone(),
                escalation.lastMessage(),
                escalation.transcript().stream()
                        .map(t -> new Line(switch (t.role()) {
                            case VISITOR -> "Visitor";
                            case ASSISTANT -> "AI";
                            case AGENT -> "Agent";
                        }, t.at() == null ? "" : TIME.format(t.at()), t.text()))
                        .toList(),
                command.inboxUrl(),
                command.expectedResponseMinutes());
    }

    public static String chatbotName(EscalationCreated escalation) {
        return escalation.chatbot().name() != null ? escalation.chatbot().name() : escalation.chatbot().key();
    }

    /** The trigger in words an agent understands at a glance. */
    static String reason(Signal trigger) {
        if (trigger == null) {
            return "The visitor asked for help from the team.";
        }
        String why = switch (trigger.type()) {
            case SignalType.HUMAN_REQUEST -> "The visitor asked to talk to a person";
            case SignalType.FRUSTRATION -> "The visitor seems frustrated";
            case SignalType.REPEATED_QUESTION -> "The visitor asked the same question again";
            case SignalType.RESTRICTED_TOPIC -> "The conversation touches a topic your team handles itself";
            case SignalType.KEYWORD -> "The visitor used a keyword you watch for";
            case SignalType.AI_LOW_CONFIDENCE -> "The AI was not confident in its answer";
            case SignalType.AI_HANDOFF_SUGGESTED -> "The AI suggested a human should take over";
            case SignalType.MESSAGE_COUNT -> "The conversation went on for many messages";
            case SignalType.NO_RESOLUTION_TIME -> "The conversation has gone unresolved for a while";
            default -> "The conversation needs a person";
        };
        return trigger.evidence() == null || trigger.evidence().isBlank() ? why + "." : why + " (\u201c" + trigger.evidence() + "\u201d).";
    }
}
