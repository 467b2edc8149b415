package io.handoff.webhook.ssrf;

import java.net.ConnectException;

/** A connection the SSRF policy refused. Permanent: retrying would be refused again. */
public final class RefusedAddressException extends ConnectException {

    public RefusedAddressException(String reason) {
        super(reason);
    }
}
