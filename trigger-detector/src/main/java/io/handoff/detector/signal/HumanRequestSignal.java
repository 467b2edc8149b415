package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a visitor asking for a person ("Can I talk to a person?", "get me a real agent",
 * "human please"), and ignores look-alikes that merely mention people ("human resources", "how many
 * agents can I add") or refuse one ("I don't need a human").
 */
public final class HumanRequestSignal {

    private static final String PERSON = "(?:a |an |the |some |to a |with a )?(?:real |live |actual |human )?"
            + "(?:person|human|humans|people|agent|someone|somebody|representative|rep|operator|staff|team member|"
            + "human being|customer service|customer support|support team|support agent|manager|supervisor)";

    private static final List<Pattern> REQUESTS = List.of(
            Pattern.compile("\\b(?:talk|speak|chat|connect|converse)(?: me)? (?:to|with) " + PERSON + "\\b"),
            Pattern.compile("\\b(?:get|give|put|transfer|connect|pass|send|escalate) me (?:to |through to |with )?" + PERSON + "\\b"),
            Pattern.compile("\\b(?:want|need|like|prefer|request|requesting) (?:to (?:talk|speak|chat) (?:to|with) )?" + PERSON + "\\b"),
            Pattern.compile("\\b(?:real|live|actual) (?:person|human|agent|people)\\b"),
            Pattern.compile("\\bhuman (?:please|help|agent|support|being)\\b"),
            Pattern.compile("\\b(?:someone|somebody) (?:call|ring|phone|email|contact) me\\b"),
            Pattern.compile("\\bcall me back\\b"),
            Pattern.compile("\\b(?:is there|are there) (?:a |any )?(?:person|human|people|agent|someone)\\b.*\\b(?:talk|speak|help)\\b"),
            Pattern.compile("^(?:an? |the )?(?:agent|operator|human|person|representative|customer service)(?: please| now| pls)?$"));

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:do not|does not|dont|no need|not|never|without)\\b(?: \\w+){0,3} (?:a |an |the )?(?:human|person|agent|someone)\\b");

    private HumanRequestSignal() {
    }

    public static Optional<Signal> detect(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty() || NEGATED.matcher(normalized).find()) {
            return Optional.empty();
        }
        for (Pattern request : REQUESTS) {
            Matcher matcher = request.matcher(normalized);
            if (matcher.find()) {
                return Optional.of(new Signal(SignalType.HUMAN_REQUEST, 0.95, matcher.group().trim()));
            }
        }
        return Optional.empty();
    }
}
