package io.handoff.detector.signal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralScanTest {

    private static final List<String> LITERALS = List.of("he", "she", "his", "hers", "talk to", "to a");

    @Test
    void findsOverlappingAndNestedStringsInOnePass() {
        assertThat(found("ushers")).containsExactly("he", "she", "hers");
        assertThat(found("talk to a human")).containsExactly("talk to", "to a");
        assertThat(found("this")).containsExactly("his");
    }

    @Test
    void charactersOutsideTheStringsRestartTheSearch() {
        assertThat(found("sh\u00e9 h-e t\u00f6 a")).isEmpty();
        assertThat(found("")).isEmpty();
    }

    private static List<String> found(String text) {
        long[] present = new LiteralScan(LITERALS).in(text);
        return IntStream.range(0, LITERALS.size()).filter(i -> LiteralScan.contains(present, i)).mapToObj(LITERALS::get).toList();
    }
}
