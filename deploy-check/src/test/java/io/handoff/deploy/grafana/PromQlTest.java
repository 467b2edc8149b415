package io.handoff.deploy.grafana;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void findsTheMetricsBehindFunctionsAggregationsAndMatchers() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le, channel) "
                + "(rate(handoff_delivery_latency_seconds_bucket{outcome=\"delivered\"}[$__rate_interval])))"))
                .containsExactly("handoff_delivery_latency_seconds_bucket");
        assertThat(PromQl.metricNames("sum(increase(handoff_detector_escalations_total[$__range])) / "
                + "sum(increase(handoff_detector_conversations_total[$__range]))"))
                .containsExactly("handoff_detector_escalations_total", "handoff_detector_conversations_total");
        assertThat(PromQl.metricNames("sum(handoff_gateway_agent_connections)"))
                .containsExactly("handoff_gateway_agent_connections");
    }

    @Test
    void labelsStringsGroupingsKeywordsAndNumbersAreNotMetrics() {
        assertThat(PromQl.metricNames("sum(rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"a_b\"}[5m])) "
                + "by (job) > 0.5 and on (job) up offset 1h * 60"))
                .containsExactly("http_server_requests_seconds_count", "up");
        assertThat(PromQl.metricNames("max without (partition) (kafka_consumer_fetch_manager_records_lag_max{topic!=\"\"})"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag_max");
    }
}
