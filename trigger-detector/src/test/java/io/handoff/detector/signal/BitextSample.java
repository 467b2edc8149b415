package io.handoff.detector.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * Bitext's public customer-support sample ({@code src/test/resources/public/README.md}): one row per
 * utterance with its intent. {@link Utterance#heldOut()} marks a fixed fifth of the rows, chosen by a
 * checksum of the text, whose misses were never read while the rules were written.
 */
final class BitextSample {

    static final String RESOURCE = "/public/bitext-customer-support-sample.csv.gz";
    private static final int COLUMNS = 4;

    record Utterance(String flags, String text, String intent) {

        boolean heldOut() {
            CRC32 crc = new CRC32();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            return crc.getValue() % 5 == 0;
        }
    }

    private BitextSample() {
    }

    static List<Utterance> load() {
        try (InputStream in = BitextSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AssertionError("Public data not found on the test classpath: " + RESOURCE);
            }
            String csv = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> rows = parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
            List<Utterance> utterances = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() != COLUMNS) {
                    throw new AssertionError("Row with " + row.size() + " columns in " + RESOURCE + ": " + row);
                }
                utterances.add(new Utterance(row.get(0), row.get(1), row.get(3)));
            }
            return utterances;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: fields separated by commas, quoted fields may hold commas, line breaks and doubled quotes. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
