package io.handoff.detector.signal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Criticism aimed at the bot: a word that addresses it ("you", "your answer", "the bot", "vous", "du")
 * followed within a few words by a word of failure that would be ordinary in a bug report ("wrong",
 * "slow", "ignoring", "confusing", "falsch", "errado"). "You are wrong", "you keep ignoring my
 * question" and "tes réponses sont fausses" are frustration; "my card payment failed" is a support
 * question, because nothing in it is aimed at the bot, and so is "your app is slow".
 *
 * <p>A question that merely asks the bot to act ("can you tell me why my payment failed") does not
 * count: the failure word must come within {@link #WINDOW} words of the address (of the noun after a
 * possessive), with no question opener ("can", "could", "why", "how", "what") right before the address.
 */
final class TargetedCriticism {

    static final double WEIGHT = 0.6;
    static final int WINDOW = 3;

    /** Words that address the bot itself. */
    private static final Set<String> ADDRESS = Set.of(
            "you", "bot", "chatbot", "assistant", "tu", "vous", "toi", "du", "voce", "vc", "voces", "usted", "eres",
            "estas");

    /** Possessives, which address the bot only before one of {@link #ANSWERS}: "your answer", not "your app". */
    private static final Set<String> POSSESSIVE = Set.of(
            "your", "tu", "tus", "votre", "vos", "tes", "ta", "ton", "dein", "deine", "deinen", "ihre", "seu", "sua",
            "seus", "suas", "su", "sus");

    private static final Set<String> ANSWERS = Set.of(
            "answer", "answers", "reply", "replies", "response", "responses", "suggestion", "suggestions", "link",
            "links", "respuesta", "respuestas", "reponse", "reponses", "antwort", "antworten", "resposta", "respostas");

    private static final Set<String> FAILURE = Set.of(
            // English
            "wrong", "incorrect", "inaccurate", "slow", "confusing", "confused", "misunderstood", "misunderstand",
            "misunderstanding", "misread", "ignore", "ignoring", "ignored", "ignores", "failing", "failed", "fail",
            "unclear", "irrelevant", "lying", "lied", "lie", "lies", "circles", "repetitive", "vague", "generic",
            "canned", "robotic", "exhausting",
            // Spanish
            "mal", "equivocado", "equivocada", "incorrecto", "incorrecta", "erroneo", "lento", "confuso", "confusa",
            "ignoras", "ignorando", "mientes",
            // French
            "faux", "fausse", "fausses", "mauvais", "mauvaise", "lent", "lente", "ignorez", "mentez",
            // German
            "falsch", "falsche", "falschen", "schlecht", "schlechte", "langsam", "vage", "verwirrend", "ignorierst",
            "ignorieren",
            // Portuguese
            "errado", "errada", "erradas", "ruim", "mentindo"
);

    private static final Set<String> QUESTION_OPENERS = Set.of(
            "can", "could", "would", "will", "do", "did", "why", "how", "what", "when", "where", "if", "puedes",
            "puede", "pouvez", "peux", "kannst", "konnen", "pode", "podes", "como", "comment", "wie", "porque");

    private static final Set<String> NEGATIONS = Set.of("not", "no", "pas", "nicht", "nao");

    private TargetedCriticism() {
    }

    /** The address and the failure word, as evidence, or empty. */
    static Optional<String> in(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!addressesTheBot(tokens, i) || (i > 0 && QUESTION_OPENERS.contains(tokens.get(i - 1)))) {
                continue;
            }
            int after = ADDRESS.contains(tokens.get(i)) ? i : i + 1;
            for (int j = after + 1; j <= Math.min(tokens.size() - 1, after + WINDOW); j++) {
                String word = tokens.get(j);
                if (FAILURE.contains(word) && !negated(tokens, j)) {
                    return Optional.of(tokens.get(i) + " " + String.join(" ", tokens.subList(i + 1, j + 1)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean addressesTheBot(List<String> tokens, int i) {
        String token = tokens.get(i);
        return ADDRESS.contains(token)
                || POSSESSIVE.contains(token) && i + 1 < tokens.size() && ANSWERS.contains(tokens.get(i + 1));
    }

    /** "you are not wrong". */
    private static boolean negated(List<String> tokens, int j) {
        return j > 0 && NEGATIONS.contains(tokens.get(j - 1));
    }
}
