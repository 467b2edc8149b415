package io.handoff.email.delivery;

/**
 * What one SMTP attempt for one recipient came to.
 *
 * @param detail a short reason for reports and the DLQ: the SMTP reply, or what went wrong on the way
 */
public record SendOutcome(Kind kind, String detail) {

    public enum Kind {
        /** The SMTP server accepted the message. */
        DELIVERED,
        /** Worth trying again: no connection, a timeout, a 4xx reply. */
        TRANSIENT,
        /** Trying again cannot help: a 5xx reply, an address the mail library rejects. */
        PERMANENT
    }

    public static SendOutcome delivered() {
        return new SendOutcome(Kind.DELIVERED, "accepted by the SMTP server");
    }

    public static SendOutcome transientFailure(String detail) {
        return new SendOutcome(Kind.TRANSIENT, detail);
    }

    public static SendOutcome permanentFailure(String detail) {
        return new SendOutcome(Kind.PERMANENT, detail);
    }
}
