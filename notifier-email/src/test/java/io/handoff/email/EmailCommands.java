package io.handoff.email;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.testing.KafkaTestClient;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Commands as the router sends them, and ways to find what became of them. */
final class EmailCommands {

    static final Duration WAIT = Duration.ofSeconds(30);

    private EmailCommands() {
    }

    static NotifyEmail first(EscalationCreated escalation, String locale, String... recipients) {
        return new NotifyEmail(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.of(escalation.escalationId(), DeliveryChannel.EMAIL, "team"), escalation,
                "https://console.example.com/console/?chatbot=chatbot-uuid&conversation=456", false,
                List.of(recipients), locale, 30);
    }

    static NotifyEmail reminder(EscalationCreated escalation, String locale, String... recipients) {
        return new NotifyEmail(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.ofReminder(escalation.escalationId(), DeliveryChannel.EMAIL, "team", 1), escalation,
                "https://console.example.com/console/?chatbot=chatbot-uuid&conversation=456", true,
                List.of(recipients), locale, 30);
    }

    static void send(KafkaTestClient kafka, NotifyEmail command) throws Exception {
        kafka.send(Topics.NOTIFY_EMAIL, command.escalation().escalationId(), EventJson.mapper().writeValueAsString(command));
    }

    /** The reports about {@code command}'s delivery, in the order they were written. */
    static List<ConsumerRecord<String, String>> reports(KafkaTestClient kafka, NotifyEmail command, int atLeast) {
        return kafka.awaitRecords(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId()), atLeast, WAIT);
    }

    static boolean isAbout(MimeMessage message, NotifyEmail command) {
        try {
            String[] ids = message.getHeader("X-Handoff-Delivery-Id");
            return ids != null && Arrays.asList(ids).contains(command.deliveryId());
        } catch (Exception e) {
            return false;
        }
    }

    static String header(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }
}
