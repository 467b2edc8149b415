package io.handoff.detector.signal;

import java.util.Set;

/**
 * Words a visitor drops into a request without changing what they ask for: swear words used as
 * intensifiers ("let me talk to a fucking human", "can I talk to a damn person") and hesitations
 * ("I want to um speak to someone"). The request patterns read each clause with these removed, so
 * they need not allow for a swear word between every two words; the frustration cues still see them.
 *
 * <p>In French, Spanish and Portuguese the swear word takes "de" before the noun it insults ("un
 * putain de conseiller", "un putain d'humain", "uma porra de atendente"): the pair goes together, so
 * "un conseiller" remains. "um" is left alone: it is the Portuguese article.
 */
final class Fillers {

    private static final Set<String> WORDS = Set.of(
            TextNormalizer.EXPLETIVE, "fucking", "fuckin", "fking", "fkn", "fcking", "effing", "freaking", "freakin",
            "frigging", "friggin", "flipping", "flippin", "bloody", "damn", "damned", "goddamn", "goddamned",
            "bleeping", "bleep", "goddam", "frickin", "fricking", "umm", "uh", "uhh", "uhm", "erm", "ehm", "hmm",
            "hmmm", "maldito", "maldita", "jodido", "jodida", "pinche", "puto", "puta", "verdammt", "verdammte",
            "verdammten", "verdammter", "scheiss", "bescheuerten", "bloden", "maudit", "maudite", "caralho");

    /** Swear words that take "de" (or "d'") before the noun they insult. */
    private static final Set<String> BEFORE_DE = Set.of("putain", "foutu", "foutue", "fichu", "fichue", "mierda",
            "porra", "merda", "bordel");

    private static final Set<String> EITHER = java.util.stream.Stream.concat(WORDS.stream(), BEFORE_DE.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Fillers() {
    }

    /** True when one of these words is a filler or a swear word that takes "de"; most messages have none. */
    static boolean anyIn(Set<String> words) {
        for (String word : words) {
            if (EITHER.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The normalised clause without its fillers; the same string when it has none. */
    static String without(String clause) {
        if (clause.isEmpty()) {
            return clause;
        }
        String[] tokens = clause.split(" ");
        if (!hasFiller(tokens)) {
            return clause;
        }
        StringBuilder kept = new StringBuilder(clause.length());
        for (int i = 0; i < tokens.length; i++) {
            if (startsPair(tokens, i)) {
                i++;
            } else if (!WORDS.contains(tokens[i])) {
                append(kept, tokens[i]);
            }
        }
        return kept.toString();
    }

    private static boolean hasFiller(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (WORDS.contains(tokens[i]) || startsPair(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsPair(String[] tokens, int i) {
        return BEFORE_DE.contains(tokens[i]) && i + 1 < tokens.length
                && (tokens[i + 1].equals("de") || tokens[i + 1].equals("d"));
    }

    private static void append(StringBuilder out, String token) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(token);
    }
}
