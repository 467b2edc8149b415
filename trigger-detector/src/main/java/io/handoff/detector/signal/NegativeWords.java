package io.handoff.detector.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Single words that carry frustration on their own, in the five languages ("useless", "ridiculous",
 * "inútil", "nul", "nutzlos", "péssimo"). A word right after a negation is not counted ("not bad",
 * "not terrible"), nor "worst" in "worst case".
 *
 * <p>Words that are also ordinary technical vocabulary ("fatal", "bad", "error", "mist") are left out
 * on purpose: a bug report is not frustration.
 */
final class NegativeWords {

    static final double WEIGHT = 0.65;

    private static final Set<String> WORDS = Set.of(
            "useless", "pointless", "ridiculous", "frustrating", "frustrated", "frustration", "infuriating",
            "infuriated", "annoying", "annoyed", "furious", "pissed", "unacceptable", "terrible", "horrible", "awful",
            "worst", "pathetic", "garbage", "rubbish", "crap", "crappy", "hopeless", "incompetent", "nonsense",
            "outrageous", "absurd", "stupid", "dumb", "idiot", "idiotic", "idiots", "sucks", "worthless", "disgusting",
            "disgraceful", "angry", "upset", "irritated", "irritating", "exasperated", "livid", "wtf", "bullshit",
            "fuck", "fucking", "shit", "shitty", "damn", "dammit", "ridiculously", "frustrante", "frustrado",
            "frustrada", "inutil", "pesimo", "pesima", "ridiculo", "ridicula", "absurdo", "harto", "harta", "enojado",
            "enojada", "furioso", "furiosa", "basura", "estupido", "estupida", "porqueria", "frustrant", "inutile",
            "nul", "nulle", "ridicule", "enerve", "enervant", "agace", "agacant", "insupportable", "lamentable",
            "pathetique", "marre", "affreux", "catastrophique", "inadmissible", "nutzlos", "sinnlos", "frustrierend",
            "frustriert", "argerlich", "nervig", "genervt", "schrecklich", "furchtbar", "katastrophe", "katastrophal",
            "unverschamt", "lacherlich", "zeitverschwendung", "scheisse", "wutend", "bescheuert", "pessimo", "pessima",
            "horrivel", "terrivel", "irritado", "irritada", "chateado", "chateada", "raiva", "lixo", "porcaria",
            "palhacada");

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nao", "pas", "nicht", "kein",
            "nada", "sin", "sem", "ohne");

    private NegativeWords() {
    }

    static Set<String> words() {
        return WORDS;
    }

    static List<String> in(List<String> tokens) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!WORDS.contains(token)) {
                continue;
            }
            boolean negated = i > 0 && NEGATIONS.contains(tokens.get(i - 1));
            boolean idiom = token.equals("worst") && i + 1 < tokens.size() && tokens.get(i + 1).equals("case");
            if (!negated && !idiom) {
                found.add(token);
            }
        }
        return found;
    }
}
