package io.handoff.detector.stream;

import io.handoff.events.json.InvalidEventException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * The text of a record value, for records the detector reads from topics others write. Two kinds of
 * value are refused before any JSON is parsed, so they go to the dead-letter topic like any other
 * invalid event:
 * <ul>
 *   <li>a value larger than {@link #MAX_BYTES}. The detector keeps the last messages of each
 *   conversation in its state store and sends them with an escalation, both as single Kafka records.
 *   With the default window of 20 messages, 21 values of at most 32 KiB stay well below Kafka's
 *   default limit of 1 MiB per record; a larger message would make the store or the escalation
 *   impossible to write, and the stream task would fail on it again after every restart.</li>
 *   <li>bytes that are not UTF-8, which a lenient decoding would turn into replacement characters
 *   and pass on as if the sender had written them.</li>
 * </ul>
 */
final class RecordText {

    /** The largest record value accepted, in bytes; no chat message comes near it. */
    static final int MAX_BYTES = 32 * 1024;

    private RecordText() {
    }

    static String of(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        if (value.length > MAX_BYTES) {
            throw new InvalidEventException("the value has " + value.length + " bytes, more than the " + MAX_BYTES
                    + " bytes an event may have");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(value);
        CharBuffer out = CharBuffer.allocate(value.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidEventException("the value is not valid UTF-8: byte " + in.position() + " starts a malformed sequence");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
