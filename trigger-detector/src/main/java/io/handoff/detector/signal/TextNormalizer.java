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
    /**
     * A clause break is a run of these marks, or a run of dashes between whitespace: the expression
     * {@code [.,;:!?¿¡\n\r()\[\]"]+|\s[-–—]+\s}, followed by hand in {@link #clauseBreakEnd}.
     */
    private static final String CLAUSE_MARKS = ".,;:!?¿¡\n\r()[]\"";
    private static final String DASHES = "-–—";
    /** Per character below 256: {@link #MARK} for a clause mark, {@link #SPACE} for regex whitespace. */
    private static final byte[] CHAR_KIND = charKinds();
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
            Map.entry("someone's", "someone"), Map.entry("addon", "add on"), Map.entry("w", "with"));

    /**
     * A swear word with letters masked ("f***ing", "sh*t", "f#ck"): one to three letters, a run of
     * masks, and either more letters or a run of at least two masks. It becomes the token
     * {@value #EXPLETIVE}, which the frustration cues and {@link Fillers} read like any other swear word.
     */
    private static final Pattern MASKED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{L}{1,3}(?:[*#]+\\p{L}{1,6}|[*#]{2,6})(?![\\p{L}\\p{N}*#])");
    static final String EXPLETIVE = "expletive";

    /** "some one", "any body" written apart. */
    private static final Pattern SPLIT_WORDS = Pattern.compile("\\b(some|any) (one|body)\\b");

    private TextNormalizer() {
    }

    /** The whole message as one normalised line. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        if (mayHaveMasks(text)) {
            text = MASKED.matcher(text).replaceAll(" " + EXPLETIVE + " ");
        }
        if (isPlainAscii(text)) {
            return normalizePlainAscii(text);
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
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int end = clauseBreakEnd(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            addClause(text.substring(start, i), clauses);
            start = end;
            i = end;
        }
        addClause(text.substring(start), clauses);
        return clauses;
    }

    private static void addClause(String part, List<String> clauses) {
        String clause = normalize(part);
        if (!clause.isEmpty()) {
            clauses.add(clause);
        }
    }

    /**
     * Where a clause break starting at {@code i} ends, or -1: what the expression above matches there,
     * the run of marks tried first, then dashes between whitespace.
     */
    private static int clauseBreakEnd(String text, int i) {
        int j = i;
        while (j < text.length() && kind(text.charAt(j)) == MARK) {
            j++;
        }
        if (j > i) {
            return j;
        }
        if (kind(text.charAt(i)) != SPACE) {
            return -1;
        }
        j = i + 1;
        while (j < text.length() && DASHES.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j > i + 1 && j < text.length() && isRegexSpace(text.charAt(j)) ? j + 1 : -1;
    }

    private static final byte MARK = 1;
    private static final byte SPACE = 2;

    private static byte kind(char c) {
        return c < CHAR_KIND.length ? CHAR_KIND[c] : 0;
    }

    private static byte[] charKinds() {
        byte[] kinds = new byte[256];
        for (char c : CLAUSE_MARKS.toCharArray()) {
            kinds[c] = MARK;
        }
        for (char c = 0; c < kinds.length; c++) {
            if (kinds[c] == 0 && isRegexSpace(c)) {
                kinds[c] = SPACE;
            }
        }
        return kinds;
    }

    private static boolean mayHaveMasks(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('#') >= 0;
    }

    /** {@code \s} without the UNICODE_CHARACTER_CLASS flag. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Text that every step of {@link #normalize} treats alike and simply: ASCII without apostrophes. Lower
     * case needs no locale, there is nothing to decompose or to spell out, and words are the runs of
     * letters and digits. Most chat messages are like this; the rest take the general path.
     */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || c == '\'' || c == '`') {
                return false;
            }
        }
        return true;
    }

    private static String normalizePlainAscii(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !isAsciiLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && isAsciiLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String token = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(SHORTHAND.getOrDefault(token, token));
        }
        // SPLIT_WORDS needs "some " or "any " to match at all
        if (out.indexOf("some ") < 0 && out.indexOf("any ") < 0) {
            return out.toString();
        }
        return SPLIT_WORDS.matcher(out).replaceAll("$1$2");
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * The whole message as one normalised line, given its normalised {@code clauses}: for plain ASCII
     * text the line is the clauses joined, unless joining them puts "some" or "any" before another word,
     * which {@link #normalize} might have merged across the break ("some. one").
     */
    static String normalize(String text, List<String> clauses) {
        if (text == null || !isPlainAscii(text)) {
            return normalize(text);
        }
        String joined = String.join(" ", clauses);
        return joined.contains("some ") || joined.contains("any ") ? normalize(text) : joined;
    }

    /** The tokens of an already normalised line. */
    public static List<String> tokens(String normalized) {
        if (normalized.isEmpty()) {
            return List.of();
        }
        // a normalised line has single spaces only, where splitting on ' ' is the same as on \s+
        return List.of(isSingleSpaced(normalized) ? normalized.split(" ") : SPACES.split(normalized));
    }

    private static boolean isSingleSpaced(String text) {
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ' ' && previous == ' ') || (c != ' ' && isRegexSpace(c))) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
