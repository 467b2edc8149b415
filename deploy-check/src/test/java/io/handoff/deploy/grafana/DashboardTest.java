package io.handoff.deploy.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.deploy.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/grafana/handoff-overview.json: a dashboard Grafana imports, whose queries read only metrics
 * that docs/operations.md documents, so renaming a metric fails the build until the table and the
 * dashboard follow.
 */
class DashboardTest {

    private static final String PATH = "deploy/grafana/handoff-overview.json";
    private static final String DATASOURCE = "${DS_PROMETHEUS}";

    private static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(Checkout.read(PATH));
        } catch (IOException e) {
            throw new AssertionError(PATH + " is not JSON", e);
        }
    }

    /** Every panel, those inside collapsed rows included. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    /** Panel title → the PromQL of its queries. */
    private static Map<String, List<String>> queries(JsonNode dashboard) {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (JsonNode panel : panels(dashboard)) {
            if (!panel.path("type").asText().equals("row")) {
                List<String> expressions = new ArrayList<>();
                panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
                queries.put(panel.path("title").asText(), expressions);
            }
        }
        return queries;
    }

    @Test
    void everyMetricTheDashboardQueriesIsInTheMetricsTableOfTheOperationsGuide() {
        Map<String, String> documented = MetricsDoc.metrics();
        assertThat(documented).as("metrics table of docs/operations.md").isNotEmpty();

        Set<String> undocumented = new TreeSet<>();
        for (Map.Entry<String, List<String>> panel : queries(dashboard()).entrySet()) {
            for (String expression : panel.getValue()) {
                for (String metric : PromQl.metricNames(expression)) {
                    if (!MetricsDoc.documents(documented, metric)) {
                        undocumented.add(metric + " (panel \"" + panel.getKey() + "\")");
                    }
                }
            }
        }
        assertThat(undocumented).as("metrics the dashboard queries that docs/operations.md does not list").isEmpty();
    }

    @Test
    void itShowsWhatOperatorsWatch() {
        Set<String> queried = new HashSet<>();
        queries(dashboard()).values().forEach(expressions -> expressions.forEach(e -> queried.addAll(PromQl.metricNames(e))));

        assertThat(queried).contains(
                "kafka_consumer_fetch_manager_records_consumed_total",
                "kafka_consumer_fetch_manager_records_lag",
                "handoff_dlq_records_total",
                "http_server_requests_seconds_count",
                "handoff_delivery_attempts_total",
                "handoff_delivery_latency_seconds_bucket",
                "handoff_detector_escalations_total",
                "handoff_detector_conversations_total",
                "handoff_gateway_agent_connections");
    }

    @Test
    void itImportsWithThePrometheusDataSourceChosenAtImport() {
        JsonNode dashboard = dashboard();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
        assertThat(dashboard.path("__inputs")).anySatisfy(input -> {
            assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
            assertThat(input.path("type").asText()).isEqualTo("datasource");
            assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
        });

        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("panel id of \"%s\" is unique", title).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as("width of \"%s\"", title).isBetween(1, 24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as("data source of \"%s\"", title).isEqualTo(DATASOURCE);
            assertThat(panel.path("targets")).as("queries of \"%s\"", title).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("expr").asText()).as("a query of \"%s\"", title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
            });
        }
    }
}
