package io.handoff.detector.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Single words that carry frustration on their own, in the five languages ("useless", "ridiculous",
 * "inútil", "nul", "nutzlos", "péssimo"), as whole words or by their beginnings ({@link #STEMS}). A
 * word right after a negation is not counted ("not bad", "not terrible"), nor "worst" in "worst case".
 *
 * <p>Words that are also ordinary technical vocabulary ("fatal", "bad", "error", "mist") are left out
 * on purpose: a bug report is not frustration.
 *
 * <p>Swear words used as intensifiers ("where is my fucking order", "a damn refund") weigh
 * {@link #SWEARING_WEIGHT}, below the threshold: a visitor who swears while asking an ordinary question
 * is not on that account asking for help with their mood, but a swear word adds to any other cue, and
 * swearing aimed at the bot or the service is a cue of its own ({@link EnglishFrustrationPhrases}).
 */
final class NegativeWords {

    static final double WEIGHT = 0.65;
    static final double SWEARING_WEIGHT = 0.4;

    private static final Set<String> WORDS = Set.of(
            // English
            "useless", "pointless", "ridiculous", "ridiculously", "frustrating", "frustrated", "frustration",
            "infuriating", "infuriated", "annoying", "annoyed", "furious", "pissed", "unacceptable", "terrible",
            "horrible", "awful", "worst", "dumbest", "stupidest", "pathetic", "garbage", "rubbish", "crap", "crappy",
            "hopeless", "incompetent", "nonsense", "outrageous", "absurd", "stupid", "dumb", "idiot", "idiotic",
            "idiots", "sucks", "sux", "worthless", "disgusting", "disgraceful", "angry", "upset", "irritated",
            "irritating", "exasperated", "livid", "wtf", "bullshit", "shitty", "dammit", "unhelpful", "dissatisfied",
            "unhappy", "displeased", "discontent", "discontented", "disappointed", "disappointing",
            // Spanish
            "frustrante", "frustrado", "frustrada", "inutil", "pesimo", "pesima", "ridiculo", "ridicula", "absurdo",
            "harto", "harta", "enojado", "enojada", "furioso", "furiosa", "basura", "estupido", "estupida",
            "porqueria", "insatisfecho", "insatisfecha", "descontento", "descontenta", "decepcionado",
            "decepcionada", "idiota", "idiotas",
            // French
            "frustrant", "inutile", "nul", "nulle", "nuls", "nulles", "ridicule", "enerve", "enervant", "agace",
            "agacant", "insupportable", "lamentable", "pathetique", "marre", "affreux", "catastrophique",
            "inadmissible", "mecontent", "mecontente", "insatisfait", "insatisfaite", "stupide", "debile",
            // German
            "nutzlos", "sinnlos", "frustrierend", "frustriert", "argerlich", "nervig", "genervt", "schrecklich",
            "furchtbar", "katastrophe", "katastrophal", "unverschamt", "unverschamtheit", "lacherlich",
            "zeitverschwendung", "scheisse", "wutend", "bescheuert", "unzufrieden", "enttauscht", "enttauschend",
            "frechheit", "schwachsinn", "saftladen", "unsinn", "blodsinn", "doof",
            // Portuguese
            "pessimo", "pessima", "horrivel", "terrivel", "irritado", "irritada", "irritante", "chateado",
            "chateada", "raiva", "lixo", "porcaria", "palhacada", "insatisfeito", "insatisfeita"
);

    /**
     * The beginnings of negative words, so that every inflection counts ("annoy", "annoys", "annoying",
     * "annoyance"; "nervt", "genervt"; "énervant", "énervée"). Each is at least {@value #STEM_MIN}
     * letters and begins no ordinary word of the five languages.
     */
    private static final Set<String> STEMS = Set.of(
            // English
            "annoy", "unprofession", "frustrat", "infuriat", "exasperat", "aggravat", "disappoint", "dissatisf",
            "incompeten", "unaccept", "outrage", "disgust", "disgrac", "scandal", "patheti", "nonsens", "stupid",
            "idiot", "clueles", "moron", "catastroph",
            // Spanish
            "frustra", "inutil", "ridicul", "absurd", "pesim", "enfad", "furios", "decepc", "insatisf", "indign",
            "desesper",
            "inacept",
            // French
            "enerv", "insupport", "lamentabl", "honteu", "pathetiq", "decevan", "mecontent", "penibl", "inadmissibl",
            "exasper", "chiant",
            // German
            "nervig", "nervt", "genervt", "nutzlos", "sinnlos", "argerlich", "verarger", "lacherlich", "unverscham",
            "inakzept", "unfahig", "katastroph", "schrecklich", "furchtbar", "wutend", "stinksauer", "enttausch",
            "unzufried", "zumutung", "schwachsinn", "bescheuert",
            // Portuguese
            "pessim", "horrivel", "terrivel", "irritad", "chatead", "palhac", "porcari"
);
    private static final int STEM_MIN = 5;
    private static final int STEM_MAX = STEMS.stream().mapToInt(String::length).max().orElse(STEM_MIN);
    private static final Set<String> STEM_STARTS = STEMS.stream().map(s -> s.substring(0, STEM_MIN))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> SWEARING = Set.of(
            "fuck", "fucking", "fuckin", "fucked", "shit", "damn", "damned", "goddamn", TextNormalizer.EXPLETIVE,
            "mierda", "joder", "putain", "merde", "porra", "merda", "caralho");

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nao", "pas", "nicht", "kein",
            "nada", "sin", "sem", "ohne");

    private NegativeWords() {
    }

    static Set<String> words() {
        return WORDS;
    }

    /** True when the token begins with one of {@link #STEMS}; one substring per long token, then set lookups. */
    static boolean hasNegativeStem(String token) {
        if (token.length() < STEM_MIN || !STEM_STARTS.contains(token.substring(0, STEM_MIN))) {
            return false;
        }
        for (int length = STEM_MIN; length <= Math.min(token.length(), STEM_MAX); length++) {
            if (STEMS.contains(token.substring(0, length))) {
                return true;
            }
        }
        return false;
    }

    static double weightOf(String word) {
        return SWEARING.contains(word) ? SWEARING_WEIGHT : WEIGHT;
    }

    static List<String> in(List<String> tokens) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!WORDS.contains(token) && !SWEARING.contains(token) && !hasNegativeStem(token)) {
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
