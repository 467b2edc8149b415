package io.handoff.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;

/** A real SMTP server (GreenMail) that accepts every message and keeps it for inspection. */
public final class SmtpServer implements AutoCloseable {

    private static SmtpServer shared;

    private final int port;
    /** What earlier runs of this server received, before a {@link #stop()}. */
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail greenMail;

    private SmtpServer(int port) {
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when {@code port} is 0. */
    public static SmtpServer start(int port) {
        SmtpServer server = new SmtpServer(port > 0 ? port : FreePorts.find());
        server.listen();
        return server;
    }

    private void listen() {
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        greenMail = started;
    }

    /**
     * Stops accepting connections, as a mail server that went down would. The messages received so
     * far stay available, and {@link #startAgain()} listens on the same port again.
     */
    public synchronized void stop() {
        if (greenMail != null) {
            earlier.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Listens again on the same port after {@link #stop()}. */
    public synchronized void startAgain() {
        if (greenMail == null) {
            listen();
        }
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
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
        return port;
    }

    /** Every message received, also those received before a {@link #stop()}. */
    public synchronized List<MimeMessage> receivedMessages() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return List.copyOf(all);
    }

    /** Forgets every message received so far. */
    public synchronized void reset() {
        earlier.clear();
        if (greenMail == null) {
            return;
        }
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge received mail", e);
        }
    }

    /** The running GreenMail server; null while {@link #stop() stopped}. */
    public synchronized GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        stop();
    }
}
