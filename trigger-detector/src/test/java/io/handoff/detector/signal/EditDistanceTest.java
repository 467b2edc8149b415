package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

    @Test
    void countsASwapOfAdjacentLettersAsOneEdit() {
        assertThat(EditDistance.between("humna", "human", 2)).isEqualTo(1);
        assertThat(EditDistance.between("pasword", "password", 2)).isEqualTo(1);
        assertThat(EditDistance.between("agent", "argent", 0)).isEqualTo(1);
    }

    @Test
    void atMostOneAgreesWithTheTableOnEveryShortString() {
        List<String> words = new ArrayList<>();
        collect("", 5, words);
        for (String a : words) {
            for (String b : words) {
                assertThat(EditDistance.atMostOne(a, b)).as("\"%s\" \"%s\"", a, b)
                        .isEqualTo(EditDistance.between(a, b, 1) <= 1);
            }
        }
    }

    private static void collect(String prefix, int maxLength, List<String> words) {
        words.add(prefix);
        if (prefix.length() < maxLength) {
            for (char c : new char[]{'a', 'b', 'c'}) {
                collect(prefix + c, maxLength, words);
            }
        }
    }
}
