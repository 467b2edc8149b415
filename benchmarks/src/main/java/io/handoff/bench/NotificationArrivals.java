package io.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.StoredMessage;
import io.handoff.events.json.EventJson;
import io.handoff.testing.MailParts;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SmtpServer;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each conversation's webhook and email arrived. The times are the receivers' own: the webhook
 * receiver stamps a request when it has read it ({@link RecordingHttpServer.Request#receivedAt}) and
 * GreenMail stamps a message when it stores it at the end of the SMTP exchange
 * ({@link StoredMessage#getReceivedDate}, millisecond precision). Both run in this JVM, on the clock
 * the producer's send times are read from. A background thread only reads those stamps and the
 * conversation id out of what arrived; how often it looks does not change the times.
 */
final class NotificationArrivals implements AutoCloseable {

    private static final Pattern CONVERSATION_IN_LINK = Pattern.compile("conversation=(\\d+)");

    private final RecordingHttpServer webhookReceiver;
    private final SmtpServer smtp;
    private final Map<String, Instant> webhooks = new ConcurrentHashMap<>();
    private final Map<String, Instant> emails = new ConcurrentHashMap<>();
    private final Set<Long> readEmails = new HashSet<>();
    private final Thread reader;
    private int readRequests;
    private volatile boolean running = true;
    private volatile String problem;

    NotificationArrivals(RecordingHttpServer webhookReceiver, SmtpServer smtp) {
        this.webhookReceiver = webhookReceiver;
        this.smtp = smtp;
        this.reader = new Thread(this::readWhileRunning, "notification-arrivals");
        reader.setDaemon(true);
        reader.start();
    }

    /** When the webhook about {@code conversationId} arrived; the first one if it came more than once. */
    Instant webhook(String conversationId) {
        return webhooks.get(conversationId);
    }

    Instant email(String conversationId) {
        return emails.get(conversationId);
    }

    int webhookCount() {
        return webhooks.size();
    }

    int emailCount() {
        return emails.size();
    }

    /** What went wrong reading a webhook or an email, if anything did. */
    String problem() {
        return problem;
    }

    private void readWhileRunning() {
        while (running) {
            try {
                readWebhooks();
                readEmails();
            } catch (Exception e) {
                problem = e.toString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readWebhooks() throws Exception {
        List<RecordingHttpServer.Request> requests = webhookReceiver.requests();
        for (; readRequests < requests.size(); readRequests++) {
            RecordingHttpServer.Request request = requests.get(readRequests);
            JsonNode conversation = EventJson.mapper().readTree(request.body()).path("conversation").path("id");
            if (!conversation.isMissingNode()) {
                webhooks.putIfAbsent(conversation.asText(), request.receivedAt());
            }
        }
    }

    private void readEmails() throws Exception {
        for (StoredMessage message : smtp.greenMail().getManagers().getImapHostManager().getAllMessages()) {
            if (!readEmails.add(message.getUid())) {
                continue;
            }
            String text = MailParts.text(message.getMimeMessage(), "text/plain");
            Matcher link = CONVERSATION_IN_LINK.matcher(text);
            if (link.find()) {
                emails.putIfAbsent(link.group(1), message.getReceivedDate().toInstant());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
    }
}
