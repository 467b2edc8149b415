package io.handoff.deploy.config;

import java.util.Locale;

/**
 * MicroProfile Config's rule for the environment variable of a property: upper case, every character
 * that is not a letter or a digit replaced by {@code _}. {@code handoff.router.inbox-url} is read from
 * {@code HANDOFF_ROUTER_INBOX_URL}; so is anything that normalises to the same name.
 */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    public static String of(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            name.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }
}
