package io.handoff.testing;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RealServersTest {

    @Test
    void kafkaBrokerStoresAndReturnsRecordsWithHeaders() {
        String topic = "test-" + UUID.randomUUID();
        try (KafkaTestClient client = new KafkaTestClient(KafkaBroker.shared().bootstrapServers())) {
            client.send(topic, "conversation-1", "{\"hello\":1}", Map.of("origin", "test"));

            ConsumerRecord<String, String> record = client.awaitRecord(topic,
                    r -> "conversation-1".equals(r.key()), Duration.ofSeconds(30));

            assertThat(record.value()).isEqualTo("{\"hello\":1}");
            assertThat(KafkaTestClient.header(record, "origin")).isEqualTo("test");
        }
    }

    @Test
    void postgresCreatesSeparateDatabasesThatAcceptSql() throws Exception {
        String url = PostgresServer.shared().createDatabase("servers_test");
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("servers_test");
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void smtpServerKeepsWhatItReceives() throws Exception {
        SmtpServer smtp = SmtpServer.shared();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("bot@handoff.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("agent@handoff.test"));
        message.setSubject("ping");
        message.setText("hello");
        Transport.send(message);

        assertThat(smtp.receivedMessages()).anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("ping"));
    }
}
