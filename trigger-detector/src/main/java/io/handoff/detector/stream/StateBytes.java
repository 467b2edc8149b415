package io.handoff.detector.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The primitives of the detector's binary state format: unsigned variable-length integers, strings as
 * a length and their UTF-8 bytes, and a marker for null. {@link StateBytes.Writer} grows one array;
 * {@link StateBytes.Reader} reads one, and says where it ends too early instead of reading past it.
 */
final class StateBytes {

    private StateBytes() {
    }

    /** Appends values to one growing array. */
    static final class Writer {
        private byte[] buffer;
        private int size;

        Writer(int expectedSize) {
            buffer = new byte[Math.max(16, expectedSize)];
        }

        void writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        /** A non-negative int in 1 to 5 bytes, seven bits a byte, the high bit set on all but the last. */
        void writeVarInt(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative count: " + value);
            }
            ensure(5);
            while ((value & ~0x7F) != 0) {
                buffer[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[size++] = (byte) value;
        }

        void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeDouble(double value) {
            writeLong(Double.doubleToLongBits(value));
        }

        /** Null as length 0, any other string as its UTF-8 length plus one, then the bytes. */
        void writeString(String value) {
            if (value == null) {
                writeVarInt(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeVarInt(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
        }

        /** Null as a 0 byte, otherwise a 1 byte, the seconds of the epoch and the nanoseconds. */
        void writeInstant(Instant value) {
            if (value == null) {
                writeByte(0);
                return;
            }
            writeByte(1);
            writeLong(value.getEpochSecond());
            writeVarInt(value.getNano());
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** Reads the values of one array in the order they were written. */
    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int start) {
            this.bytes = bytes;
            this.position = start;
        }

        int readByte() {
            need(1);
            return bytes[position++] & 0xFF;
        }

        boolean readBoolean() {
            int value = readByte();
            if (value > 1) {
                throw new StateFormatException("a boolean byte of " + value + " at offset " + (position - 1));
            }
            return value == 1;
        }

        int readVarInt() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        throw new StateFormatException("a count out of range at offset " + position);
                    }
                    return value;
                }
            }
            throw new StateFormatException("a count longer than five bytes at offset " + position);
        }

        long readLong() {
            need(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        double readDouble() {
            return Double.longBitsToDouble(readLong());
        }

        String readString() {
            int length = readVarInt();
            if (length == 0) {
                return null;
            }
            int utf8 = length - 1;
            need(utf8);
            String value = new String(bytes, position, utf8, StandardCharsets.UTF_8);
            position += utf8;
            return value;
        }

        Instant readInstant() {
            int present = readByte();
            if (present == 0) {
                return null;
            }
            if (present != 1) {
                throw new StateFormatException("an instant marker of " + present + " at offset " + (position - 1));
            }
            long seconds = readLong();
            int nanos = readVarInt();
            if (nanos > 999_999_999) {
                throw new StateFormatException("an instant with " + nanos + " nanoseconds");
            }
            return Instant.ofEpochSecond(seconds, nanos);
        }

        /** Every byte has been read: a stored state with more after its last field is not one we wrote. */
        void expectEnd() {
            if (position != bytes.length) {
                throw new StateFormatException((bytes.length - position) + " unread bytes after the state");
            }
        }

        private void need(int count) {
            if (count < 0 || bytes.length - position < count) {
                throw new StateFormatException("the state ends at offset " + bytes.length + ", "
                        + count + " more bytes were expected at offset " + position);
            }
        }
    }

    /** A stored value that is not in the format it claims to be in. */
    static final class StateFormatException extends RuntimeException {
        StateFormatException(String message) {
            super(message);
        }
    }
}
