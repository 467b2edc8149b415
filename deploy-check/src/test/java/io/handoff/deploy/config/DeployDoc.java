package io.handoff.deploy.config;

import io.handoff.deploy.Checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration reference in docs/deploy.md: under the heading "Configuration reference", one
 * section per service (named like its module) and one called "Every service", each with a table
 * whose first column names the environment variables.
 */
final class DeployDoc {

    static final String EVERY_SERVICE = "Every service";
    private static final String HEADING = "## Configuration reference";
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private DeployDoc() {
    }

    /** Section name → the variables its table documents. */
    static Map<String, Set<String>> variables() {
        String doc = Checkout.read("docs/deploy.md");
        int start = doc.indexOf(HEADING);
        if (start < 0) {
            throw new AssertionError("docs/deploy.md has no \"" + HEADING + "\"");
        }
        int end = doc.indexOf("\n## ", start + HEADING.length());
        String reference = doc.substring(start, end < 0 ? doc.length() : end);
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        String section = null;
        for (String line : reference.lines().toList()) {
            if (line.startsWith("### ")) {
                section = line.substring(4).strip();
                sections.put(section, new TreeSet<>());
            } else if (section != null && line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| variable")) {
                String first = line.substring(1, line.indexOf('|', 1));
                Matcher variable = VARIABLE.matcher(first);
                while (variable.find()) {
                    sections.get(section).add(variable.group(1));
                }
            }
        }
        return sections;
    }
}
