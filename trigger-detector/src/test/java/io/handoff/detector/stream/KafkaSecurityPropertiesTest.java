package io.handoff.detector.stream;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSecurityPropertiesTest {

    @Test
    void takesTheSecurityProtocolAndEverySaslAndSslSetting() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "handoff-kafka-bootstrap:9093");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        kafka.put("ssl.truststore.type", "PEM");
        kafka.put("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----");

        assertThat(KafkaSecurityProperties.of(kafka)).containsOnlyKeys("security.protocol", "sasl.mechanism",
                "sasl.jaas.config", "ssl.truststore.type", "ssl.truststore.certificates");
    }

    @Test
    void leavesOtherClientSettingsToTheDetectorsOwnConfiguration() {
        Map<String, Object> kafka = Map.of("bootstrap.servers", "kafka:9092", "group.id", "notifier",
                "auto.offset.reset", "latest", "security.providers", "x", "sslish", "y");

        assertThat(KafkaSecurityProperties.of(kafka)).isEmpty();
    }

    @Test
    void skipsEmptyValuesSoThatAnUnsetVariableDoesNotOverrideTheClientDefault() {
        assertThat(KafkaSecurityProperties.of(Map.of("security.protocol", "", "sasl.mechanism", "PLAIN")))
                .containsOnlyKeys("sasl.mechanism");
    }
}
