package io.handoff.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/** A real SMTP server (GreenMail) that accepts every message and keeps it for inspection. */
public final class SmtpServer implements AutoCloseable {

    private static SmtpServer shared;

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts on {@code port}, or on a free port when {@code port} is 0. */
    public static SmtpServer start(int port) {
        int actual = port > 0 ? port : FreePorts.find();
        GreenMail greenMail = new GreenMail(new ServerSetup(actual, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new SmtpServer(greenMail);
    }

    public static synchronized SmtpServer shared() {
        if (shared == null) {
            SmtpServer server = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "smtp-stop"));
            shared = server;
        }
        return shared;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Forgets every message received so far. */
    public void reset() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge received mail", e);
        }
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
