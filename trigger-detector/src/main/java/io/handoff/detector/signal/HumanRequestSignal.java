package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Recognises a visitor asking for a person, in English, Spanish, French, German or Portuguese, and
 * ignores look-alikes that merely mention people ("human resources", "how many agents can I add") or
 * refuse one ("I don't need a human").
 *
 * <p>Each clause is read on its own, after normalisation and key-word typo repair. A clause asks for
 * a person when one of the language patterns matches and neither {@link NegationScope} nor
 * {@link LookAlikes} explains the match away; the strongest surviving match is the evidence.
 */
public final class HumanRequestSignal {

    private static final List<RequestPattern> PATTERNS = Stream.of(EnglishHumanRequests.PATTERNS,
                    SpanishHumanRequests.PATTERNS, FrenchHumanRequests.PATTERNS, GermanHumanRequests.PATTERNS,
                    PortugueseHumanRequests.PATTERNS)
            .flatMap(List::stream).flatMap(request -> request.alternatives().stream()).toList();
    private static final PatternGate GATE = new PatternGate(PATTERNS.stream().map(RequestPattern::pattern).toList(),
            PATTERNS.stream().map(RequestPattern::leadWords).toList());

    private HumanRequestSignal() {
    }

    public static Optional<Signal> detect(String text) {
        return detect(VisitorText.of(text));
    }

    public static Optional<Signal> detect(VisitorText text) {
        Signal best = null;
        BitSet open = GATE.openedBy(text.words());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        for (String clause : text.clauses()) {
            long[] scanned = GATE.scan(clause);
            for (int i = open.nextSetBit(0); i >= 0; i = open.nextSetBit(i + 1)) {
                if (!GATE.mayMatch(i, scanned)) {
                    continue;
                }
                RequestPattern request = PATTERNS.get(i);
                Matcher matcher = request.pattern().matcher(clause);
                while (matcher.find()) {
                    if ((best == null || request.score() > best.score()) && stands(request, clause, matcher)) {
                        best = new Signal(SignalType.HUMAN_REQUEST, request.score(), matcher.group().trim());
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean stands(RequestPattern request, String clause, Matcher matcher) {
        List<String> before = TextNormalizer.tokens(clause.substring(0, matcher.start()).trim());
        List<String> after = TextNormalizer.tokens(clause.substring(matcher.end()).trim());
        if (request.negatable() && NegationScope.refuses(before)) {
            return false;
        }
        return !LookAlikes.explainsAway(clause, matcher.group().trim(), before, after);
    }
}
