package io.handoff.router.service;

import io.handoff.events.settings.ChatbotSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks settings before they are stored, naming every field that is wrong at once. */
public final class SettingsValidator {

    /** Deliberately simple: one @, no spaces, a dot in the domain. Mail servers have the final word. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private SettingsValidator() {
    }

    public static List<FieldProblem> check(ChatbotSettings settings) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> recipients = settings.email().recipients();
        checkAddresses(recipients, "email.recipients", problems);
        checkAddresses(settings.backupContacts(), "backupContacts", problems);
        checkAddresses(settings.adminContacts(), "adminContacts", problems);
        if (settings.adminContacts().size() > MAX_ADMIN_CONTACTS) {
            problems.add(new FieldProblem("adminContacts", "at most " + MAX_ADMIN_CONTACTS + " addresses"));
        }
        if (settings.email().enabled() && recipients.isEmpty()) {
            problems.add(new FieldProblem("email.recipients", "at least one recipient is needed when email is enabled"));
        }
        // Slack needs no channel here: without one, the channel chosen when connecting is used
        // (SlackConnectionCheck looks at the connection when the settings are saved).
        String url = settings.webhook().url();
        if (settings.webhook().enabled() && (url == null || url.isBlank())) {
            problems.add(new FieldProblem("webhook.url", "a URL is needed when webhooks are enabled"));
        } else if (url != null && !isHttpUrl(url)) {
            problems.add(new FieldProblem("webhook.url", "must be an absolute http(s) URL"));
        }
        if (settings.responseSlaMinutes() != null && settings.responseSlaMinutes() <= 0) {
            problems.add(new FieldProblem("responseSlaMinutes", "must be a positive number of minutes"));
        }
        if (settings.businessHours() != null) {
            problems.addAll(BusinessHours.check(settings.businessHours(), "businessHours"));
        }
        Double threshold = settings.detection().aiConfidenceThreshold();
        if (threshold < 0 || threshold > 1) {
            problems.add(new FieldProblem("detection.aiConfidenceThreshold", "must be between 0 and 1"));
        }
        return problems;
    }

    /** An alert names every admin contact in one command; more than this is a mistake. */
    static final int MAX_ADMIN_CONTACTS = 50;

    private static void checkAddresses(List<String> addresses, String path, List<FieldProblem> problems) {
        for (int i = 0; i < addresses.size(); i++) {
            if (!EMAIL.matcher(addresses.get(i)).matches()) {
                problems.add(new FieldProblem(path + "[" + i + "]", "'" + addresses.get(i) + "' is not an email address"));
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
