package io.handoff.detector.signal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a message that carry its subject, without function words, question words and chat
 * filler in the five languages, so that "How do I reset my password?" and "how can i reset my
 * password again" reduce to the same set {reset, password}.
 */
final class ContentWords {

    /** Per language, space separated; the languages share some words ("no", "as", "le"), hence the union. */
    private static final Set<String> STOP_WORDS = Stream.of(
                    "a an the and or but if of to in on at for with by from about as into is are was were be been am do"
                            + " does did have has had i me my you your we our it its this that these those there here he"
                            + " she they them their what which who whom when where why how can could would should will"
                            + " shall may might must not no yes so just please thanks thank hi hello hey again still ok"
                            + " okay any some all get need want know tell way then than also too very really much many"
                            + " one up out now",
                    "el la los las un una y o de del en con por para que es mi su se lo le como cual donde cuando"
                            + " puedo quiero otra vez no",
                    "le les des du et ou est je tu il vous nous mon ma mes ce c j l d qu comment quand pourquoi encore",
                    "der die das den dem ein eine einen und ich sie wie wo was ist mein meine kann zu mit noch mal",
                    "o os as um uma e da do no na com meu minha eu voce onde posso novo")
            .flatMap(words -> Stream.of(words.split(" ")))
            .collect(Collectors.toUnmodifiableSet());

    private ContentWords() {
    }

    static boolean isContent(String token) {
        return !STOP_WORDS.contains(token);
    }

    /** The stems of the content words of a normalised message. */
    static Set<String> of(List<String> tokens) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : tokens) {
            if (isContent(token)) {
                words.add(WordStem.stem(token));
            }
        }
        return words;
    }
}
