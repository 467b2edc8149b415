package io.handoff.email.delivery;

import io.quarkus.qute.TemplateException;
import io.vertx.ext.mail.SMTPException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failed send into "retry" or "give up", by the SMTP reply code when the server answered
 * (RFC 5321: 4xx is transient, 5xx permanent) and by the kind of error when it did not.
 */
public final class SmtpFailures {

    private static final int MAX_DETAIL = 300;

    private SmtpFailures() {
    }

    public static SendOutcome classify(Throwable failure) {
        SMTPException smtp = find(failure, SMTPException.class);
        if (smtp != null) {
            // The reply message usually starts with the code itself ("550 5.1.1 ..."); say it once.
            String reply = firstLine(smtp.getReplyMessage()).replaceFirst("^" + smtp.getReplyCode() + "[ -]?", "");
            String detail = "SMTP " + smtp.getReplyCode() + " " + reply;
            return smtp.isPermanent() ? SendOutcome.permanentFailure(shorten(detail)) : SendOutcome.transientFailure(shorten(detail));
        }
        if (find(failure, TemplateException.class) != null) {
            // A template that does not render will not render on the next attempt either.
            return SendOutcome.permanentFailure(shorten("the email could not be rendered: " + message(find(failure, TemplateException.class))));
        }
        if (find(failure, IllegalArgumentException.class) != null) {
            // The mail library rejects a malformed address before connecting.
            return SendOutcome.permanentFailure(shorten("invalid message: " + message(find(failure, IllegalArgumentException.class))));
        }
        if (find(failure, UnknownHostException.class) != null) {
            return SendOutcome.transientFailure(shorten("SMTP server not found: " + message(find(failure, UnknownHostException.class))));
        }
        if (find(failure, ConnectException.class) != null) {
            return SendOutcome.transientFailure(shorten("cannot connect to the SMTP server: " + message(find(failure, ConnectException.class))));
        }
        if (find(failure, TimeoutException.class) != null || find(failure, io.smallrye.mutiny.TimeoutException.class) != null) {
            return SendOutcome.transientFailure("no answer from the SMTP server in time");
        }
        Throwable root = root(failure);
        return SendOutcome.transientFailure(shorten("SMTP send failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()))));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }

    private static String shorten(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "\u2026";
    }
}
