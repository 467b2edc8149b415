package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows one chatbot's escalations to the webhook receiver and the SMTP sink and counts them: what
 * was asked for, what the detector produced, what arrived, what is missing and what arrived twice.
 * Repeats are allowed (delivery is at least once) but must carry the delivery id of the first copy:
 * the one derived from the escalation, the channel and the target.
 */
final class DeliveryAudit {

    private final String chatbotId;
    private final TopicFollower escalations;
    private final RecordingHttpServer webhookReceiver;
    private final String webhookUrl;
    private final String webhookPath;
    private final SmtpServer smtp;
    private final String recipient;

    DeliveryAudit(String chatbotId, TopicFollower escalations, RecordingHttpServer webhookReceiver,
                  String webhookPath, SmtpServer smtp, String recipient) {
        this.chatbotId = chatbotId;
        this.escalations = escalations;
        this.webhookReceiver = webhookReceiver;
        this.webhookPath = webhookPath;
        this.webhookUrl = webhookReceiver.url(webhookPath);
        this.smtp = smtp;
        this.recipient = recipient;
    }

    /**
     * One scenario's counts. {@code produced} is the number of escalations the detector produced,
     * {@code delivered} those that reached both the webhook receiver and the SMTP sink, {@code lost}
     * the requests for a person that did not end in both (no escalation, no webhook or no email), and
     * {@code duplicates} the webhook requests and emails beyond the first of each delivery.
     */
    record Report(String scenario, int visitorMessages, int askedForAPerson, int produced, int duplicateEscalations,
                  int delivered, int lost, int duplicates, int webhookRequests, int webhookMissing,
                  int webhookDuplicates, int emails, int emailMissing, int emailDuplicates, List<String> problems) {

        String line() {
            return "[fault:%s] produced=%d delivered=%d lost=%d duplicates=%d | visitor messages %d, asked for a person %d, "
                    .formatted(scenario, produced, delivered, lost, duplicates, visitorMessages, askedForAPerson)
                    + "duplicate escalations %d | webhook: %d requests, %d missing, %d duplicates | email: %d messages, %d missing, %d duplicates"
                    .formatted(duplicateEscalations, webhookRequests, webhookMissing, webhookDuplicates, emails,
                            emailMissing, emailDuplicates)
                    + (problems.isEmpty() ? "" : " | problems: " + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    /** Counts what has arrived so far for the conversations in {@code askedForAPerson}. */
    Report count(String scenario, int visitorMessages, Set<String> askedForAPerson) {
        List<String> problems = new ArrayList<>();

        // the detector: one escalation.created per conversation that asked, with one escalation id
        Map<String, List<String>> escalationsByConversation = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : escalations.records()) {
            JsonNode event = TopicFollower.json(record);
            if (chatbotId.equals(event.path("chatbot").path("id").asText())) {
                escalationsByConversation.computeIfAbsent(event.path("conversation").path("id").asText(), c -> new ArrayList<>())
                        .add(event.path("escalationId").asText());
            }
        }
        Map<String, String> escalationOf = new HashMap<>();
        int duplicateEscalations = 0;
        for (Map.Entry<String, List<String>> entry : escalationsByConversation.entrySet()) {
            escalationOf.put(entry.getKey(), entry.getValue().get(0));
            duplicateEscalations += entry.getValue().size() - 1;
            if (entry.getValue().size() > 1) {
                problems.add("conversation " + entry.getKey() + " escalated " + entry.getValue().size() + " times: " + entry.getValue());
            }
            if (!askedForAPerson.contains(entry.getKey())) {
                problems.add("conversation " + entry.getKey() + " escalated without asking for a person");
            }
        }
        Set<String> notEscalated = new HashSet<>(askedForAPerson);
        notEscalated.removeAll(escalationOf.keySet());
        if (!notEscalated.isEmpty()) {
            problems.add(notEscalated.size() + " request(s) for a person without an escalation, e.g. " + notEscalated.iterator().next());
        }

        // the webhook receiver: every escalation at least once, each copy with the derived delivery id
        Map<String, Integer> webhooks = new HashMap<>();
        int webhookRequests = 0;
        for (RecordingHttpServer.Request request : webhookReceiver.requests()) {
            if (!request.path().equals(webhookPath)) {
                continue;
            }
            webhookRequests++;
            String conversation = json(request.body()).path("conversation").path("id").asText();
            String escalationId = escalationOf.get(conversation);
            if (escalationId == null) {
                problems.add("webhook for conversation " + conversation + ", which has no escalation");
                continue;
            }
            String expected = DeliveryIds.of(escalationId, DeliveryChannel.WEBHOOK, webhookUrl);
            if (!expected.equals(request.header("X-Handoff-Delivery"))) {
                problems.add("webhook for " + escalationId + " has delivery id " + request.header("X-Handoff-Delivery")
                        + ", not " + expected);
            }
            webhooks.merge(escalationId, 1, Integer::sum);
        }

        // the SMTP sink: every escalation at least once; a repeat has the first copy's ids
        Map<String, Integer> emailCount = new HashMap<>();
        Map<String, String> emailIds = new HashMap<>();
        int emails = 0;
        for (MimeMessage message : smtp.receivedMessages()) {
            String escalationId = header(message, "X-Handoff-Escalation-Id");
            if (!recipient.equals(firstRecipient(message)) || escalationId == null) {
                continue;
            }
            emails++;
            String ids = header(message, "X-Handoff-Delivery-Id") + " " + header(message, "Message-ID");
            String first = emailIds.putIfAbsent(escalationId, ids);
            if (first != null && !first.equals(ids)) {
                problems.add("email for " + escalationId + " sent again with other ids: " + first + " then " + ids);
            }
            if (!escalationOf.containsValue(escalationId)) {
                problems.add("email for " + escalationId + ", which is not an escalation of this run");
            }
            emailCount.merge(escalationId, 1, Integer::sum);
        }

        int webhookMissing = 0;
        int emailMissing = 0;
        int delivered = 0;
        for (String escalationId : escalationOf.values()) {
            boolean webhook = webhooks.containsKey(escalationId);
            boolean email = emailCount.containsKey(escalationId);
            webhookMissing += webhook ? 0 : 1;
            emailMissing += email ? 0 : 1;
            delivered += webhook && email ? 1 : 0;
        }
        int webhookDuplicates = webhooks.values().stream().mapToInt(n -> n - 1).sum();
        int emailDuplicates = emailCount.values().stream().mapToInt(n -> n - 1).sum();
        int lost = notEscalated.size() + (escalationOf.size() - delivered);
        return new Report(scenario, visitorMessages, askedForAPerson.size(), escalationOf.size() + duplicateEscalations,
                duplicateEscalations, delivered, lost, webhookDuplicates + emailDuplicates, webhookRequests, webhookMissing,
                webhookDuplicates, emails, emailMissing, emailDuplicates, List.copyOf(problems));
    }

    /**
     * Counts until nothing is missing any more, or {@code timeout} has passed, and returns the last
     * count either way: the caller asserts on it, so a failure shows what is missing.
     */
    Report awaitDelivered(String scenario, int visitorMessages, Set<String> askedForAPerson, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Report report = count(scenario, visitorMessages, askedForAPerson);
            if (report.lost() == 0 || System.nanoTime() > deadline) {
                return report;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstRecipient(MimeMessage message) {
        try {
            var recipients = message.getAllRecipients();
            return recipients == null || recipients.length == 0 ? null : recipients[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
