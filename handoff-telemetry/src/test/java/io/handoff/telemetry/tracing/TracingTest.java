package io.handoff.telemetry.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String UPSTREAM_SPAN = "00f067aa0ba902b7";
    private static final String UPSTREAM = "00-" + TRACE_ID + "-" + UPSTREAM_SPAN + "-01";

    private HttpServer collector;
    private final List<Export> exports = new CopyOnWriteArrayList<>();

    record Export(String contentType, String apiKey, byte[] body) {
    }

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exports.add(new Export(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Api-Key"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void withoutAnExporterTheUpstreamContextGoesOnUnchanged() {
        try (Tracing tracing = Tracing.of(TracingSettings.off("router"))) {
            try (TracedWork work = tracing.receiving("handoff.escalations", headers(UPSTREAM))) {
                assertThat(tracing.outgoing()).containsEntry(Tracing.TRACEPARENT, UPSTREAM);
                assertThat(work.traceId()).isEqualTo(TRACE_ID);
            }
            assertThat(tracing.outgoing()).as("nothing current once the work is done").isEmpty();
        }
    }

    @Test
    void withoutAnExporterOrAnUpstreamContextNothingIsAdded() {
        try (Tracing tracing = Tracing.of(TracingSettings.off("router"));
             TracedWork ignored = tracing.receiving("handoff.escalations", new RecordHeaders())) {
            assertThat(tracing.outgoing()).isEmpty();
            assertThat(tracing.inject(new RecordHeaders()).toArray()).isEmpty();
        }
    }

    @Test
    void aRecordsSpanIsTheChildOfItsHeadersContextAndIsExported() throws Exception {
        String sentOn;
        try (Tracing tracing = Tracing.of(otlp(TracingSettings.Protocol.JSON))) {
            try (TracedWork work = tracing.receiving("handoff.escalations", headers(UPSTREAM))) {
                work.attribute("handoff.escalation.id", "esc-1");
                sentOn = tracing.outgoing().get(Tracing.TRACEPARENT);
                try (TracedWork call = tracing.start("POST", SpanKind.CLIENT)) {
                    call.attribute("http.response.status_code", 503).failed("HTTP 503");
                }
            }
        } // closing exports what is buffered

        assertThat(sentOn).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").doesNotContain(UPSTREAM_SPAN);
        String consumerSpanId = sentOn.substring(36, 52);
        assertThat(exports).isNotEmpty().allSatisfy(e -> {
            assertThat(e.contentType()).isEqualTo("application/json");
            assertThat(e.apiKey()).isEqualTo("collector-key");
        });
        List<JsonNode> spans = spans();
        assertThat(spans).hasSize(2);
        JsonNode consumer = span(spans, "handoff.escalations process");
        assertThat(consumer.get("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(consumer.get("spanId").asText()).isEqualTo(consumerSpanId);
        assertThat(consumer.get("parentSpanId").asText()).isEqualTo(UPSTREAM_SPAN);
        assertThat(consumer.get("kind").asInt()).as("SPAN_KIND_CONSUMER").isEqualTo(5);
        assertThat(consumer.toString()).contains("\"messaging.destination.name\"").contains("esc-1");
        JsonNode client = span(spans, "POST");
        assertThat(client.get("parentSpanId").asText()).isEqualTo(consumerSpanId);
        assertThat(client.get("status").get("code").asInt()).as("STATUS_CODE_ERROR").isEqualTo(2);
        String resource = new ObjectMapper().readTree(exports.get(0).body()).get("resourceSpans").get(0).get("resource").toString();
        assertThat(resource).contains("\"service.name\"").contains("\"router\"");
    }

    @Test
    void protobufIsTheDefaultEncoding() {
        try (Tracing tracing = Tracing.of(otlp(TracingSettings.Protocol.PROTOBUF));
             TracedWork ignored = tracing.receiving("handoff.notify.webhook", headers(UPSTREAM))) {
            assertThat(tracing.outgoing()).containsKey(Tracing.TRACEPARENT);
        }
        assertThat(exports).isNotEmpty();
        assertThat(exports.get(0).contentType()).isEqualTo("application/x-protobuf");
        // the trace id travels as its 16 raw bytes
        assertThat(new String(exports.get(0).body(), StandardCharsets.ISO_8859_1))
                .contains(new String(java.util.HexFormat.of().parseHex(TRACE_ID), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anUnreadableTraceparentStartsANewTrace() {
        try (Tracing tracing = Tracing.of(otlp(TracingSettings.Protocol.JSON));
             TracedWork work = tracing.receiving("handoff.escalations", headers("00-not-a-trace-01"))) {
            assertThat(work.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID).isNotEqualTo("0".repeat(32));
            assertThat(tracing.outgoing().get(Tracing.TRACEPARENT)).contains(work.traceId());
        }
    }

    @Test
    void injectReplacesTheContextARecordCarried() {
        try (Tracing tracing = Tracing.of(otlp(TracingSettings.Protocol.JSON));
             TracedWork work = tracing.receiving("handoff.escalations", headers(UPSTREAM))) {
            Headers out = tracing.inject(headers("00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01"));
            assertThat(out.headers(Tracing.TRACEPARENT)).hasSize(1);
            assertThat(new String(out.lastHeader(Tracing.TRACEPARENT).value(), StandardCharsets.UTF_8)).contains(TRACE_ID);
        }
    }

    @Test
    void anUnreachableCollectorDoesNotDisturbTheWork() {
        collector.stop(0);
        try (Tracing tracing = Tracing.of(otlp(TracingSettings.Protocol.PROTOBUF));
             TracedWork work = tracing.receiving("handoff.escalations", headers(UPSTREAM))) {
            assertThat(tracing.outgoing().get(Tracing.TRACEPARENT)).contains(TRACE_ID);
        }
    }

    @Test
    void settingsAreCheckedAndTheirHeaderValuesNeverShown() {
        assertThat(TracingSettings.headers("X-Api-Key = k1, Authorization=Bearer abc")).isEqualTo(
                Map.of("X-Api-Key", "k1", "Authorization", "Bearer abc"));
        assertThatThrownBy(() -> TracingSettings.headers("Bearer-secret-without-name"))
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new TracingSettings("s", TracingSettings.Exporter.OTLP, URI.create("ftp://collector"),
                TracingSettings.Protocol.JSON, Map.of(), 1.0)).hasMessageContaining("otlp.endpoint");
        assertThatThrownBy(() -> new TracingSettings("s", TracingSettings.Exporter.NONE, null,
                TracingSettings.Protocol.JSON, Map.of(), 1.5)).hasMessageContaining("sampler-ratio");
        assertThatThrownBy(() -> TracingSettings.Protocol.of("grpc")).hasMessageContaining("http/protobuf");
        assertThat(otlp(TracingSettings.Protocol.JSON).toString()).contains("X-Api-Key").doesNotContain("collector-key");
    }

    private TracingSettings otlp(TracingSettings.Protocol protocol) {
        return new TracingSettings("router", TracingSettings.Exporter.OTLP,
                URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces"), protocol,
                Map.of("X-Api-Key", "collector-key"), 1.0);
    }

    private static Headers headers(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private List<JsonNode> spans() throws IOException {
        List<JsonNode> spans = new ArrayList<>();
        for (Export export : exports) {
            for (JsonNode resource : new ObjectMapper().readTree(export.body()).get("resourceSpans")) {
                for (JsonNode scope : resource.get("scopeSpans")) {
                    scope.get("spans").forEach(spans::add);
                }
            }
        }
        return spans;
    }

    private static JsonNode span(List<JsonNode> spans, String name) {
        return spans.stream().filter(s -> s.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }
}
