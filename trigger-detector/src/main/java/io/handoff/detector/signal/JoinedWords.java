package io.handoff.detector.signal;

import java.util.Optional;
import java.util.Set;

/**
 * Splits two words typed without the space between them ("humanagent", "Italk", "isthere",
 * "speakwith", "withsomeone"), when one half is a word the signals hinge on and the other is such a
 * word or one of the few short words that surround them in a request.
 *
 * <p>Deliberately narrow: a token is split only into two halves drawn from these small lists, so an
 * ordinary word is never cut ("mean" is "me" + "an", but neither half is a key word; "transferring"
 * ends in "ring", which is not on the lists), and a token that is already a key word stays whole.
 */
final class JoinedWords {

    /** Short words that come next to the key words in a request. */
    private static final Set<String> NEIGHBOURS = Set.of(
            "i", "a", "an", "to", "is", "are", "me", "my", "with", "the", "can", "please", "your", "real", "live",
            "chat", "call", "help", "need", "want", "there", "un", "una", "con", "avec", "mit", "com", "um", "uma");

    /** Key words that are not in the typo list but anchor a split ("is" + "there"). */
    private static final Set<String> ANCHORS = Set.of("there");

    private static final int MIN_LENGTH = 5;

    private JoinedWords() {
    }

    /**
     * @param token a normalised token that is not itself a word the signals know
     * @param keyWords the words the signals hinge on
     * @return the two words with a space between them, or empty when the token is not two known words
     */
    static Optional<String> split(String token, Set<String> keyWords) {
        if (token.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        for (int cut = 1; cut < token.length(); cut++) {
            String left = token.substring(0, cut);
            String right = token.substring(cut);
            boolean leftKey = keyWords.contains(left) || ANCHORS.contains(left);
            boolean rightKey = keyWords.contains(right) || ANCHORS.contains(right);
            if ((leftKey && (rightKey || NEIGHBOURS.contains(right))) || (rightKey && NEIGHBOURS.contains(left))) {
                return Optional.of(left + " " + right);
            }
        }
        return Optional.empty();
    }
}
