package io.handoff.deploy.grafana;

import io.handoff.deploy.Checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics table of docs/operations.md: the tables whose header starts with "Prometheus name",
 * the name in backticks in the first column and its type (counter, gauge, histogram, timer) in the
 * second.
 */
final class MetricsDoc {

    private static final Pattern NAME = Pattern.compile("`([a-zA-Z_:][a-zA-Z0-9_:]*)`");
    private static final String HEADER = "| Prometheus name |";

    private MetricsDoc() {
    }

    /** Documented name → its type column. */
    static Map<String, String> metrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Checkout.read("docs/operations.md").lines().toList()) {
            if (line.startsWith(HEADER)) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("\\|", -1);
                Matcher name = NAME.matcher(cells[1]);
                if (name.find()) {
                    metrics.put(name.group(1), cells[2].strip());
                }
            }
        }
        return metrics;
    }

    /**
     * Whether {@code series} is a documented metric, or one of the series of a documented histogram
     * or timer ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}).
     */
    static boolean documents(Map<String, String> metrics, String series) {
        if (metrics.containsKey(series)) {
            return true;
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_max"}) {
            if (series.endsWith(suffix)) {
                String type = metrics.get(series.substring(0, series.length() - suffix.length()));
                boolean histogram = type != null && type.startsWith("histogram");
                boolean timer = type != null && type.startsWith("timer") && !suffix.equals("_bucket");
                if (histogram || timer) {
                    return true;
                }
            }
        }
        return false;
    }
}
