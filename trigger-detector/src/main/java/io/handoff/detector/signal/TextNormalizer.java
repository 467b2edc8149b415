package io.handoff.detector.signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Brings visitor text to one comparable form so that the signal patterns can be written once: lower
 * case, accents removed (so "à", "ü" and "ç" match the plain letters the patterns use), contractions
 * and chat shorthand spelled out ("don't", "dont" and "do not" all become "do not"), punctuation
 * turned into spaces, runs of whitespace collapsed.
 *
 * <p>Clauses are kept apart where the visitor separated them ("No, I want a human"), because a
 * negation in one clause must not cancel a request in the next.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,;:!?¿¡\\n\\r()\\[\\]\"]+|\\s[-–—]+\\s");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** English apostrophe forms, applied while the apostrophe is still there. */
    private static final List<String[]> APOSTROPHE_FORMS = List.of(
            new String[]{"\\bcan't\\b", "can not"}, new String[]{"\\bwon't\\b", "will not"},
            new String[]{"\\bshan't\\b", "shall not"}, new String[]{"\\b(\\p{L}+)n't\\b", "$1 not"},
            new String[]{"\\b(it|that|what|there|here|he|she|who|where|how)'s\\b", "$1 is"},
            new String[]{"\\blet's\\b", "let us"}, new String[]{"'re\\b", " are"}, new String[]{"'ve\\b", " have"},
            new String[]{"'ll\\b", " will"}, new String[]{"\\bi'm\\b", "i am"}, new String[]{"\\b(i|you|we|they|he|she)'d\\b", "$1 would"},
            new String[]{"(\\p{L})'s\\b", "$1"});
    private static final List<Pattern> APOSTROPHE_PATTERNS = APOSTROPHE_FORMS.stream()
            .map(form -> Pattern.compile(form[0])).toList();

    /** Whole-token spellings people type without the apostrophe, and common chat shorthand. */
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("dont", "do not"), Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"),
            Map.entry("isnt", "is not"), Map.entry("arent", "are not"), Map.entry("wasnt", "was not"),
            Map.entry("werent", "were not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
            Map.entry("wont", "will not"), Map.entry("couldnt", "could not"), Map.entry("wouldnt", "would not"),
            Map.entry("shouldnt", "should not"), Map.entry("havent", "have not"), Map.entry("hasnt", "has not"),
            Map.entry("im", "i am"), Map.entry("ive", "i have"), Map.entry("youre", "you are"),
            Map.entry("thats", "that is"), Map.entry("whats", "what is"), Map.entry("u", "you"),
            Map.entry("ur", "your"), Map.entry("r", "are"), Map.entry("pls", "please"), Map.entry("plz", "please"),
            Map.entry("plse", "please"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
            Map.entry("gimme", "give me"), Map.entry("lemme", "let me"), Map.entry("ppl", "people"),
            Map.entry("thx", "thanks"), Map.entry("ty", "thank you"), Map.entry("asap", "now"),
            Map.entry("someone's", "someone"), Map.entry("addon", "add on"));

    /** "some one", "any body" written apart. */
    private static final Pattern SPLIT_WORDS = Pattern.compile("\\b(some|any) (one|body)\\b");

    private TextNormalizer() {
    }

    /** The whole message as one normalised line. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        plain = plain.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace("ß", "ss");
        for (int i = 0; i < APOSTROPHE_FORMS.size() && plain.indexOf('\'') >= 0; i++) {
            plain = APOSTROPHE_PATTERNS.get(i).matcher(plain).replaceAll(APOSTROPHE_FORMS.get(i)[1]);
        }
        plain = NOT_WORD.matcher(plain).replaceAll(" ").replace('\'', ' ');
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (String token : SPACES.split(plain.trim())) {
            if (token.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(SHORTHAND.getOrDefault(token, token));
        }
        return SPLIT_WORDS.matcher(out).replaceAll("$1$2");
    }

    /** The message cut where the visitor put clause punctuation, each part normalised, empty parts dropped. */
    public static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        if (text == null) {
            return clauses;
        }
        for (String part : CLAUSE_BREAK.split(text)) {
            String clause = normalize(part);
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    /** The tokens of an already normalised line. */
    public static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : List.of(SPACES.split(normalized));
    }
}
