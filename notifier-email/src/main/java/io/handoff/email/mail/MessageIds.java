package io.handoff.email.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code Message-ID}s computed from what a command already carries, so threading needs no state.
 *
 * <p>The first email about an escalation to a recipient is {@code <uuid(escalation, recipient)@domain>};
 * a reminder has its own id from its delivery id, and points at the first one with
 * {@code In-Reply-To} and {@code References}, which is what makes mail clients show it in the same
 * thread. Because the id is the same on every attempt, a duplicate that slips through (a crash between
 * the SMTP server's acceptance and our report) is one message to clients that collapse equal ids.
 */
public final class MessageIds {

    private final String domain;

    public MessageIds(String domain) {
        if (domain == null || domain.isBlank() || !domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a Message-ID domain: " + domain);
        }
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /**
     * The domain of a sender address such as {@code Handoff <handoff@example.com>}, or
     * {@code localhost} when it has none.
     */
    public static String domainOf(String fromAddress) {
        if (fromAddress == null) {
            return "localhost";
        }
        String address = fromAddress.trim();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close);
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).trim();
        return domain.matches("[A-Za-z0-9.-]+") ? domain : "localhost";
    }

    /** The id of the first email about {@code escalationId} to {@code recipient}. */
    public String original(String escalationId, String recipient) {
        return id("escalation|" + escalationId + "|" + normalize(recipient));
    }

    /** The id of the reminder with delivery id {@code deliveryId} to {@code recipient}. */
    public String reminder(String deliveryId, String recipient) {
        return id("reminder|" + deliveryId + "|" + normalize(recipient));
    }

    private String id(String name) {
        return "<" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
    }

    /** Addresses differ only in case in practice when they are the same mailbox. */
    static String normalize(String recipient) {
        return recipient.trim().toLowerCase(Locale.ROOT);
    }
}
