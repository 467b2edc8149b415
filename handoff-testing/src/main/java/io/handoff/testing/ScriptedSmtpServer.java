package io.handoff.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small but real SMTP server on plain sockets whose answers a test chooses.
 *
 * <p>GreenMail accepts everything; this one can answer {@code RCPT TO} with a permanent {@code 550}
 * for chosen recipients, or with a transient {@code 451} for a recipient's next few attempts, so a
 * client's handling of SMTP reply codes is tested against the protocol itself. It speaks enough SMTP
 * for ordinary clients (greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP,
 * QUIT), advertises no extensions (no STARTTLS, AUTH or PIPELINING), records every message it accepts
 * and counts every {@code RCPT TO} per recipient. {@link #stop()} and {@link #restart()} take it off
 * and back on the same port, for "connection refused, then it recovers".
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** One accepted message: the envelope and the raw data as the client sent it (dot-unstuffed). */
    public record Received(String mailFrom, List<String> recipients, byte[] data) {

        /** The data parsed as a MIME message. */
        public MimeMessage message() {
            try {
                return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
            } catch (MessagingException e) {
                throw new IllegalStateException("received data is not a MIME message", e);
            }
        }
    }

    private static final long GREETING_DELAY_MS = 20;

    private static ScriptedSmtpServer shared;

    private final int port;
    private final Set<String> permanentRejects = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> transientRejects = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private ScriptedSmtpServer(int port) {
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when {@code port} is 0. */
    public static ScriptedSmtpServer start(int port) {
        ScriptedSmtpServer server = new ScriptedSmtpServer(port > 0 ? port : FreePorts.find());
        server.listen();
        return server;
    }

    /** One server for the whole JVM, started on first use and stopped when the JVM exits. */
    public static synchronized ScriptedSmtpServer shared() {
        if (shared == null) {
            ScriptedSmtpServer server = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "scripted-smtp-stop"));
            shared = server;
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** Every {@code RCPT TO} for {@code recipient} is answered {@code 550 5.1.1}. */
    public void rejectPermanently(String recipient) {
        permanentRejects.add(normalize(recipient));
    }

    /** The next {@code times} {@code RCPT TO} for {@code recipient} are answered {@code 451 4.3.0}. */
    public void rejectTransiently(String recipient, int times) {
        transientRejects.put(normalize(recipient), new AtomicInteger(times));
    }

    /** How many times a client has offered {@code recipient} in {@code RCPT TO}, accepted or not. */
    public int rcptAttempts(String recipient) {
        AtomicInteger count = rcptAttempts.get(normalize(recipient));
        return count == null ? 0 : count.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The accepted messages whose envelope names {@code recipient}. */
    public List<Received> receivedFor(String recipient) {
        String wanted = normalize(recipient);
        return received.stream().filter(r -> r.recipients().contains(wanted)).toList();
    }

    /** Waits until {@code count} accepted messages match, or fails after {@code timeout}. */
    public List<Received> awaitReceived(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching message(s) within " + timeout
                        + ", received " + matching.size());
            }
            sleep(50);
        }
    }

    /** Forgets received messages, counters and scripted answers. */
    public void reset() {
        permanentRejects.clear();
        transientRejects.clear();
        rcptAttempts.clear();
        received.clear();
    }

    /** Stops listening and drops open connections; clients now get "connection refused". */
    public synchronized void stop() {
        ServerSocket current = listener;
        listener = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.clear();
    }

    /** Listens again on the same port, keeping scripts and received messages. */
    public synchronized void restart() {
        if (listener == null) {
            listen();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
            Thread acceptor = new Thread(() -> accept(socket), "scripted-smtp-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread session = new Thread(() -> converse(connection), "scripted-smtp-session-" + port);
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // the listener was closed
            }
        }
    }

    /** One SMTP session, command by command, until QUIT or the client goes away. */
    private void converse(Socket socket) {
        try (socket) {
            // ISO-8859-1 maps every byte to one char, so the data survives as sent whatever its encoding.
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            // Greet a moment after accepting, as servers that look up the client first do. The Vert.x
            // mail client (4.5) can lose a greeting that arrives before it listens on a new connection
            // (about 1 in 200 on loopback) and then waits until its caller's timeout; tests here are
            // about SMTP replies, not that race.
            sleep(GREETING_DELAY_MS);
            reply(out, "220 scripted.test ESMTP ready");
            String mailFrom = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-scripted.test greets you\r\n250 HELP");
                    case "HELO" -> reply(out, "250 scripted.test");
                    case "MAIL" -> {
                        mailFrom = address(line);
                        recipients.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String recipient = normalize(address(line));
                        rcptAttempts.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                        if (mailFrom == null) {
                            reply(out, "503 5.5.1 MAIL FROM first");
                        } else if (permanentRejects.contains(recipient)) {
                            reply(out, "550 5.1.1 <" + recipient + ">: mailbox unavailable");
                        } else if (takeTransientReject(recipient)) {
                            reply(out, "451 4.3.0 <" + recipient + ">: try again later");
                        } else {
                            recipients.add(recipient);
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 end data with <CR><LF>.<CR><LF>");
                        byte[] data = readData(in);
                        if (data == null) {
                            return;
                        }
                        received.add(new Received(mailFrom, List.copyOf(recipients), data));
                        mailFrom = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 OK queued");
                    }
                    case "RSET" -> {
                        mailFrom = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 command not implemented");
                }
            }
        } catch (SocketException e) {
            // the client or stop() closed the connection
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.remove(socket);
        }
    }

    private boolean takeTransientReject(String recipient) {
        AtomicInteger left = transientRejects.get(recipient);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Reads DATA up to the lone dot, undoing the client's dot-stuffing; null if the client left. */
    private static byte[] readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".")) {
                return data.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return null;
    }

    /** The address between angle brackets of {@code MAIL FROM:<a>} or {@code RCPT TO:<a> ...}. */
    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return line.substring(open + 1, close);
        }
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    private static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
