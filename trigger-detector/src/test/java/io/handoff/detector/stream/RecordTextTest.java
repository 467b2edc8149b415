package io.handoff.detector.stream;

import io.handoff.events.json.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordTextTest {

    @Test
    void utf8UpToTheLimitIsReadAsIs() throws InvalidEventException {
        String text = "{\"text\": \"Können wir reden? 🙂\"}";
        assertThat(RecordText.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        byte[] atLimit = "x".repeat(RecordText.MAX_BYTES).getBytes(StandardCharsets.UTF_8);
        assertThat(RecordText.of(atLimit)).hasSize(RecordText.MAX_BYTES);
    }

    @Test
    void aLargerValueIsRefusedWithItsSize() {
        byte[] tooLarge = new byte[RecordText.MAX_BYTES + 1];
        assertThatThrownBy(() -> RecordText.of(tooLarge)).isInstanceOf(InvalidEventException.class)
                .hasMessage("the value has 32769 bytes, more than the 32768 bytes an event may have");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWhereTheyStart() {
        byte[] latin1 = "{\"text\": \"à\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RecordText.of(latin1)).isInstanceOf(InvalidEventException.class)
                .hasMessage("the value is not valid UTF-8: byte 10 starts a malformed sequence");
        byte[] loneSurrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertThatThrownBy(() -> RecordText.of(loneSurrogate)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void anEmptyValueIsRefused() {
        assertThatThrownBy(() -> RecordText.of(new byte[0])).hasMessage("empty record value");
        assertThatThrownBy(() -> RecordText.of(null)).hasMessage("empty record value");
    }
}
