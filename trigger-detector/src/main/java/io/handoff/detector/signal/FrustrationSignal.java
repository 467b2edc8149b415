package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognises a frustrated visitor from phrases ({@link EnglishFrustrationPhrases},
 * {@link ForeignFrustrationPhrases}), single negative words ({@link NegativeWords}) and typography
 * ({@link Shouting}).
 *
 * <p>Cues combine as independent evidence, {@code 1 - Π(1 - weight)}, so the score grows as cues pile
 * up ("THIS IS USELESS!!!" scores higher than "this is useless") and two weak cues ("omg stop") can
 * together cross {@link #THRESHOLD} where one cannot. A thankful message ("omg thank you!!") is not
 * frustrated unless it also carries a strong cue, which keeps sarcasm ("great, another useless answer").
 */
public final class FrustrationSignal {

    static final double THRESHOLD = 0.5;

    /** Cues strong enough to fire alone are split into their alternatives (see {@link FrustrationCue#alternatives}). */
    private static final List<FrustrationCue> CUES = Stream.of(EnglishFrustrationPhrases.CUES,
                    ForeignFrustrationPhrases.CUES).flatMap(List::stream)
            .flatMap(cue -> cue.weight() >= THRESHOLD ? cue.alternatives().stream() : Stream.of(cue)).toList();
    private static final Pattern THANKFUL = Pattern.compile("\\b(?:thanks|thank|great|perfect|awesome|excellent|amazing"
            + "|love|appreciate|appreciated|helped|solved|works now|working now|cool|nice|gracias|merci|danke|obrigado"
            + "|obrigada|genial|parfait|perfekt|otimo|super)\\b");

    /** The cues, then {@link #THANKFUL} without a lead-word gate: one scan of the message serves all. */
    private static final PatternGate GATE = new PatternGate(
            Stream.concat(CUES.stream().map(FrustrationCue::pattern), Stream.of(THANKFUL)).toList(),
            Stream.concat(CUES.stream().map(FrustrationCue::leadWords), Stream.of(Optional.<Set<String>>empty())).toList());
    private static final int THANKFUL_INDEX = CUES.size();

    private FrustrationSignal() {
    }

    public static Optional<Signal> detect(String text) {
        return detect(VisitorText.of(text));
    }

    public static Optional<Signal> detect(VisitorText text) {
        Set<String> evidence = new LinkedHashSet<>();
        double calm = 1.0;
        double strongest = 0.0;
        BitSet open = GATE.openedBy(text.words());
        long[] scanned = GATE.scan(text.normalized());
        for (int i = open.nextSetBit(0); i >= 0 && i < CUES.size(); i = open.nextSetBit(i + 1)) {
            if (!GATE.mayMatch(i, scanned)) {
                continue;
            }
            FrustrationCue cue = CUES.get(i);
            Matcher matcher = cue.pattern().matcher(text.normalized());
            if (matcher.find()) {
                evidence.add(matcher.group().trim());
                calm *= 1 - cue.weight();
                strongest = Math.max(strongest, cue.weight());
            }
        }
        for (String word : NegativeWords.in(text.tokens())) {
            evidence.add(word);
            double weight = NegativeWords.weightOf(word);
            calm *= 1 - weight;
            strongest = Math.max(strongest, weight);
        }
        Optional<String> criticism = TargetedCriticism.in(text.tokens());
        if (criticism.isPresent()) {
            evidence.add(criticism.get());
            calm *= 1 - TargetedCriticism.WEIGHT;
            strongest = Math.max(strongest, TargetedCriticism.WEIGHT);
        }
        if (Shouting.inCapitals(text.raw())) {
            evidence.add("ALL CAPS");
            calm *= 1 - Shouting.CAPITALS_WEIGHT;
            strongest = Math.max(strongest, Shouting.CAPITALS_WEIGHT);
        }
        Optional<String> marks = Shouting.repeatedMarks(text.raw());
        if (marks.isPresent()) {
            evidence.add(marks.get());
            calm *= 1 - Shouting.marksWeight(marks.get());
        }
        double score = 1 - calm;
        boolean thankful = GATE.mayMatch(THANKFUL_INDEX, scanned) && THANKFUL.matcher(text.normalized()).find();
        if (score < THRESHOLD || (thankful && strongest < FrustrationCue.MEDIUM)) {
            return Optional.empty();
        }
        String because = String.join("; ", evidence.stream().limit(4).toList());
        return Optional.of(new Signal(SignalType.FRUSTRATION, Math.round(Math.min(score, 0.99) * 100) / 100.0, because));
    }
}
