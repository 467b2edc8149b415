package io.handoff.detector.signal;

import io.handoff.events.escalation.SignalType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precision, recall and F1 per label. A message is predicted {@code none} when it gets neither a
 * human_request nor a frustration signal; a message may be predicted as both.
 */
final class QualityTable {

    private static final List<String> LABELS = List.of(SignalType.HUMAN_REQUEST, SignalType.FRUSTRATION, "none");

    private QualityTable() {
    }

    static String of(String name, List<String> labels, List<Set<String>> predictions) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%s (%d messages)%n%-14s %9s %9s %9s %7s%n", name, labels.size(),
                "label", "precision", "recall", "f1", "count"));
        for (String label : LABELS) {
            int truePositives = 0;
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < labels.size(); i++) {
                boolean isLabel = labels.get(i).equals(label);
                boolean saysLabel = says(predictions.get(i), label);
                actual += isLabel ? 1 : 0;
                predicted += saysLabel ? 1 : 0;
                truePositives += isLabel && saysLabel ? 1 : 0;
            }
            double precision = predicted == 0 ? 1.0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 1.0 : (double) truePositives / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            table.append(String.format(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %7d%n", label, precision, recall, f1, actual));
        }
        return table.toString();
    }

    private static boolean says(Set<String> predicted, String label) {
        if (label.equals("none")) {
            return !predicted.contains(SignalType.HUMAN_REQUEST) && !predicted.contains(SignalType.FRUSTRATION);
        }
        return predicted.contains(label);
    }
}
