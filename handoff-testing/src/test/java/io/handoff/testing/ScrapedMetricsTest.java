package io.handoff.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrapedMetricsTest {

    private static final String PAGE = """
            # HELP handoff_dlq_records_total Records written to a dead-letter topic
            # TYPE handoff_dlq_records_total counter
            handoff_dlq_records_total{topic="handoff.escalations"} 2.0
            handoff_dlq_records_total{topic="chat.conversation-events"} 1.0
            handoff_delivery_latency_seconds_bucket{channel="webhook",outcome="delivered",le="0.1"} 3.0
            handoff_delivery_latency_seconds_bucket{channel="webhook",outcome="delivered",le="+Inf"} 4.0
            http_server_requests_seconds_count{uri="/say \\"hi\\""} 5
            jvm_threads_live_threads 12.0
            """;

    @Test
    void readsSamplesByNameAndLabels() {
        ScrapedMetrics metrics = ScrapedMetrics.parse(PAGE);

        assertThat(metrics.value("handoff_dlq_records_total")).isEqualTo(3);
        assertThat(metrics.value("handoff_dlq_records_total", "topic", "handoff.escalations")).isEqualTo(2);
        assertThat(metrics.value("handoff_delivery_latency_seconds_bucket", "channel", "webhook", "le", "+Inf")).isEqualTo(4);
        assertThat(metrics.has("http_server_requests_seconds_count", "uri", "/say \"hi\"")).isTrue();
        assertThat(metrics.value("jvm_threads_live_threads")).isEqualTo(12);
        assertThat(metrics.has("handoff_dlq_records_total", "topic", "handoff.deliveries")).isFalse();
        assertThat(metrics.value("handoff_dlq_records_total", "topic", "handoff.deliveries")).isZero();
        assertThat(metrics.names()).contains("handoff_dlq_records_total", "jvm_threads_live_threads")
                .doesNotContain("handoff_dlq_records");
    }

    @Test
    void refusesWhatIsNotAPrometheusPage() {
        assertThatThrownBy(() -> ScrapedMetrics.parse("<html>not found</html>")).isInstanceOf(IllegalArgumentException.class);
    }
}
