package io.handoff.slack.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Slack's message markup into the plain text a visitor should see: links and mentions lose
 * their angle brackets, and the three escaped characters come back.
 */
final class SlackText {

    private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private SlackText() {
    }

    static String plain(String slackText) {
        if (slackText == null) {
            return "";
        }
        Matcher m = MARKUP.matcher(slackText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(readable(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim();
    }

    private static String readable(String target, String label) {
        if (target.startsWith("@")) {
            return "@" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + target.substring(1);
        }
        String url = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
        return label == null || label.equals(url) ? url : label + " (" + url + ")";
    }
}
