package io.handoff.detector.signal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings visitor text to one comparable form: lower case, accents removed, punctuation turned into
 * spaces, common chat contractions spelled out, runs of whitespace collapsed.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        String plain = MARKS.matcher(lower).replaceAll("");
        plain = plain.replace('\u2019', '\'');
        plain = NOT_WORD.matcher(plain).replaceAll(" ");
        plain = " " + SPACES.matcher(plain).replaceAll(" ").trim() + " ";
        plain = plain.replace(" don't ", " do not ").replace(" dont ", " do not ")
                .replace(" doesn't ", " does not ").replace(" can't ", " can not ").replace(" cant ", " can not ")
                .replace(" won't ", " will not ").replace(" i'm ", " i am ").replace(" im ", " i am ")
                .replace(" i'd ", " i would ").replace(" wanna ", " want to ").replace(" gotta ", " have to ")
                .replace(" pls ", " please ").replace(" plz ", " please ").replace(" u ", " you ")
                .replace(" r ", " are ").replace("'", " ");
        return SPACES.matcher(plain).replaceAll(" ").trim();
    }
}
