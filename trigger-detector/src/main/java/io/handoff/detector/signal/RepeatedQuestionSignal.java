package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a visitor asking essentially the same thing again: the message's content words (see
 * {@link ContentWords}) overlap an earlier message's by at least {@link #THRESHOLD} (Jaccard), where
 * two words also count as the same when they are one typo apart ("pasword"). A repeat means the
 * earlier answer did not land, which is why it is a handoff signal.
 */
public final class RepeatedQuestionSignal {

    static final double THRESHOLD = 0.6;
    private static final int QUOTE_LENGTH = 120;
    private static final int TYPO_MIN_LENGTH = 5;
    private static final int REMEMBERED_QUESTIONS = 16_384;
    /**
     * The most content words of one message that are compared. A question has far fewer; the bound keeps
     * the typo-tolerant comparison, which looks at pairs of words, from growing with the square of a long
     * text: beyond it a message costs only its tokenising, which is linear.
     */
    static final int MAX_COMPARED_WORDS = 64;

    /**
     * The content words of earlier questions, most recently used kept. Each visitor message is compared
     * with every earlier question of its conversation, so without this a conversation's questions would be
     * normalised again on each of its later messages.
     */
    private static final Map<String, Set<String>> EARLIER_WORDS = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                    return size() > REMEMBERED_QUESTIONS;
                }
            });

    private RepeatedQuestionSignal() {
    }

    public static Optional<Signal> detect(String text, List<String> earlierQuestions) {
        return detect(VisitorText.of(text), earlierQuestions);
    }

    public static Optional<Signal> detect(VisitorText text, List<String> earlierQuestions) {
        Set<String> now = compared(ContentWords.of(text.tokens()));
        if (now.isEmpty() || earlierQuestions == null) {
            return Optional.empty();
        }
        double best = 0;
        String repeated = null;
        for (String earlier : earlierQuestions) {
            Set<String> then = wordsOf(earlier);
            double similarity = similarity(now, then);
            if (similarity > best) {
                best = similarity;
                repeated = earlier;
            }
        }
        if (repeated == null || best < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new Signal(SignalType.REPEATED_QUESTION, Math.round(best * 100) / 100.0,
                "repeats \"" + quote(repeated) + "\""));
    }

    private static Set<String> wordsOf(String earlier) {
        Set<String> known = EARLIER_WORDS.get(earlier);
        if (known == null) {
            known = Set.copyOf(compared(ContentWords.of(VisitorText.tokensOf(earlier))));
            EARLIER_WORDS.put(earlier, known);
        }
        return known;
    }

    /** The first {@link #MAX_COMPARED_WORDS} of a message's content words, in the order they came. */
    static Set<String> compared(Set<String> words) {
        if (words.size() <= MAX_COMPARED_WORDS) {
            return words;
        }
        Set<String> first = new LinkedHashSet<>();
        for (String word : words) {
            if (first.size() == MAX_COMPARED_WORDS) {
                break;
            }
            first.add(word);
        }
        return first;
    }

    /** Jaccard similarity where words one typo apart count as shared. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : a) {
            if (b.contains(word) || nearlySameAsAny(word, b)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }

    private static boolean nearlySameAsAny(String word, Set<String> others) {
        if (word.length() < TYPO_MIN_LENGTH) {
            return false;
        }
        for (String other : others) {
            if (other.length() >= TYPO_MIN_LENGTH && EditDistance.atMostOne(word, other)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= QUOTE_LENGTH ? trimmed : trimmed.substring(0, QUOTE_LENGTH) + "…";
    }
}
