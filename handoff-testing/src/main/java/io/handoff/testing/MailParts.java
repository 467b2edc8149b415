package io.handoff.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;

/** Reads the parts of a received email, however deeply they are nested in multiparts. */
public final class MailParts {

    private MailParts() {
    }

    /** The decoded content of every part of {@code mimeType} (e.g. {@code text/html}), concatenated. */
    public static String text(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i), mimeType));
            }
            return all.toString();
        }
        return "";
    }
}
