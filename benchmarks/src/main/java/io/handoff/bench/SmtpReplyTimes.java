package io.handoff.bench;

import io.handoff.testing.SmtpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the SMTP server of the tests and the local stack (GreenMail) takes to answer each command of
 * one message's exchange, asked by a plain socket client with Nagle's algorithm off: what part of the
 * pipeline benchmark's email latency is that server's and not the notifier's.
 *
 * <p>Usage: {@code java -cp benchmarks/target/handoff-benchmarks.jar io.handoff.bench.SmtpReplyTimes [messages]}.
 */
public final class SmtpReplyTimes {

    private static final List<String> COMMANDS = List.of("EHLO bench.test", "MAIL FROM:<handoff@bench.test>",
            "RCPT TO:<agent@bench.test>", "DATA", "Subject: reply times\r\n\r\nhello\r\n.", "QUIT");

    private SmtpReplyTimes() {
    }

    public static void main(String[] args) throws IOException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Map<String, List<Duration>> replies = new LinkedHashMap<>();
        List<Duration> whole = new ArrayList<>();
        try (SmtpServer server = SmtpServer.start(0)) {
            for (int i = 0; i < messages; i++) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII));
                    Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
                    long start = System.nanoTime();
                    expect(in, "220");
                    for (String command : COMMANDS) {
                        long asked = System.nanoTime();
                        out.write(command + "\r\n");
                        out.flush();
                        expect(in, command.equals("DATA") ? "354" : command.equals("QUIT") ? "221" : "250");
                        replies.computeIfAbsent(name(command), k -> new ArrayList<>())
                                .add(Duration.ofNanos(System.nanoTime() - asked));
                    }
                    whole.add(Duration.ofNanos(System.nanoTime() - start));
                }
            }
            System.out.printf("SMTP reply times of the tests' SMTP server (GreenMail), %d messages, one connection each (ms)%n",
                    messages);
            System.out.printf("  %-24s %8s %8s %8s %8s%n", "command", "p50", "p95", "p99", "max");
            replies.forEach((command, times) -> System.out.printf("  %-24s %s%n", command, Percentiles.of(times).row()));
            System.out.printf("  %-24s %s%n", "connect to QUIT", Percentiles.of(whole).row());
        }
    }

    private static String name(String command) {
        return command.startsWith("Subject") ? "message body" : command.split("[ :]")[0];
    }

    /** Reads one reply, with its continuation lines, and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + ", the server answered: " + line);
        }
    }
}
