package io.handoff.detector.signal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repairs one-letter typos in the few words the signals hinge on ("humna" → "human", "agnet" →
 * "agent", "frustating" → "frustrating"), and two of them typed as one ("humanagent", see
 * {@link JoinedWords}), so the patterns stay exact and readable.
 *
 * <p>Only these key words are repaired, never arbitrary text, and only at distance one. Real words
 * that sit one edit from a key word are left alone: plurals ("agents" is not a typo of "agent" —
 * "how many agents can I add" must stay a question about seats) and a short list of look-alikes
 * ("personal", "steak", "argent"), and every word a pattern itself expects. Four-letter key words
 * accept only a swap of two letters, since any other single edit of "talk" is usually another real word.
 */
final class TypoTolerance {

    /** English first, so an ambiguous typo ("persone") resolves to the English word. */
    private static final List<String> KEY_WORDS = List.of(
            "human", "person", "agent", "representative", "operator", "someone", "somebody", "anyone", "anybody",
            "supervisor", "manager", "customer", "service", "support", "speak", "talk", "please", "transfer",
            "contact", "contacting", "talking", "speaking", "employee", "colleague", "complaint",
            "connect", "escalate", "frustrating", "frustrated", "useless", "ridiculous", "understand",
            "understanding", "helping", "helpful", "terrible", "horrible", "already", "annoying", "pathetic",
            "nonsense", "patience", "humano", "persona", "agente", "alguien", "hablar", "humain", "personne",
            "conseiller", "parler", "mensch", "menschen", "personen", "mitarbeiter", "sprechen", "pessoa",
            "atendente", "alguem", "falar", "frustrante", "inutil");

    private static final Set<String> KEY_WORD_SET = Set.copyOf(KEY_WORDS);

    /** Real words one edit away from a key word that no pattern spells out (see {@link PatternVocabulary}). */
    private static final Set<String> REAL_WORDS = Set.of(
            "personal", "personas", "persons", "humane", "humanos", "humana", "humanas", "agente", "agentes",
            "argent", "steak", "sneak", "spear", "speck", "pleased", "plead", "talks", "walk", "tall", "task",
            "supports", "services", "serviced", "customers", "connects", "transfers", "managed", "manages",
            "managers", "helpings", "mensch", "humaine", "personnes", "pessoas", "falas", "falam", "falsa",
            "parle", "parles", "parlez", "parent", "servicio", "servico", "persona", "manger", "danger", "ranger",
            "contract", "contracting", "contacto", "contacte", "contacta", "taking", "walking", "stalking", "tanking",
            "sneaking", "spearing", "employer", "employed", "employees", "colleagues", "complain", "complains");

    private TypoTolerance() {
    }

    /** The normalised clause with key-word typos repaired. */
    static String repair(String normalized) {
        if (normalized.isEmpty()) {
            return normalized;
        }
        String[] tokens = normalized.split(" ");
        boolean changed = false;
        for (int i = 0; i < tokens.length; i++) {
            String repaired = repairWord(tokens[i]);
            if (!repaired.equals(tokens[i])) {
                tokens[i] = repaired;
                changed = true;
            }
        }
        return changed ? String.join(" ", tokens) : normalized;
    }

    /** Chat vocabulary is small and repetitive, so each distinct token is judged once; bounded to stay small. */
    private static final int MEMO_LIMIT = 50_000;
    private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

    static String repairWord(String token) {
        String known = MEMO.get(token);
        if (known != null) {
            return known;
        }
        String repaired = judge(token);
        if (MEMO.size() < MEMO_LIMIT) {
            MEMO.put(token, repaired);
        }
        return repaired;
    }

    private static String judge(String token) {
        if (token.length() < 4 || KEY_WORD_SET.contains(token) || REAL_WORDS.contains(token)
                || PatternVocabulary.WORDS.contains(token) || isPluralOfKeyWord(token)) {
            return token;
        }
        for (String key : KEY_WORDS) {
            if (key.equals(token + "s") || EditDistance.between(token, key, 1) != 1) {
                continue;
            }
            if (key.length() > 4 || isSwap(token, key)) {
                return key;
            }
        }
        return JoinedWords.split(token, KEY_WORD_SET).orElse(token);
    }

    /** "humans" is the plural of "human", not a typo of "humano". */
    private static boolean isPluralOfKeyWord(String token) {
        return token.endsWith("s") && (KEY_WORD_SET.contains(token.substring(0, token.length() - 1))
                || token.endsWith("es") && KEY_WORD_SET.contains(token.substring(0, token.length() - 2)));
    }

    private static boolean isSwap(String token, String key) {
        if (token.length() != key.length()) {
            return false;
        }
        char[] a = token.toCharArray();
        char[] b = key.toCharArray();
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        return java.util.Arrays.equals(a, b);
    }
}
