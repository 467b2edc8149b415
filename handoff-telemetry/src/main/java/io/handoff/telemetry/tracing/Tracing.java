package io.handoff.telemetry.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.smallrye.reactive.messaging.kafka.OutgoingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * W3C trace context across Handoff's Kafka hops and its outgoing HTTP calls, and the spans each service
 * adds to the trace.
 *
 * <p>A record read from a topic starts a consumer span, the child of the {@code traceparent} its headers
 * carry (or a new trace); for as long as the work runs, that span is current, and every record the work
 * produces, and every HTTP request it makes, carries it on in its own {@code traceparent} header. So one
 * trace shows a visitor's message through the detector, the router and the notifier that delivered it.
 *
 * <p>With no exporter configured the spans are not recorded, but context is still passed on unchanged,
 * so a trace started by the upstream chat service continues to the webhook receiver.
 */
public final class Tracing implements AutoCloseable {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final String INSTRUMENTATION = "io.handoff";
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            for (Header header : carrier) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final TracingSettings settings;
    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

    private Tracing(TracingSettings settings, SdkTracerProvider provider, TracerProvider tracers) {
        this.settings = settings;
        this.provider = provider;
        this.tracer = tracers.get(INSTRUMENTATION);
    }

    public static Tracing of(TracingSettings settings) {
        if (settings.exporter() == TracingSettings.Exporter.NONE) {
            // the no-op tracer's spans carry their parent's context: what came in goes out unchanged
            return new Tracing(settings, null, TracerProvider.noop());
        }
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplerRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(new OtlpHttpSpanExporter(settings))
                        .setScheduleDelay(Duration.ofSeconds(1))
                        .build())
                .build();
        return new Tracing(settings, provider, provider);
    }

    public TracingSettings settings() {
        return settings;
    }

    /**
     * The work on a record read from {@code topic}: a consumer span whose parent is the trace context in
     * the record's headers, current until the returned scope is closed.
     */
    public TracedWork receiving(String topic, Headers headers) {
        Context parent = propagator.extract(Context.root(), headers, KAFKA_HEADERS);
        Span span = tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "process")
                .startSpan();
        return new TracedWork(span);
    }

    /**
     * Like {@link #receiving(String, Headers)}, for a message of a SmallRye Kafka channel; a new trace for
     * any other message. (Named apart so that services without SmallRye Reactive Messaging need none of its types.)
     */
    public TracedWork receivingMessage(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> receiving(record.getTopic(), record.getHeaders()))
                .orElseGet(() -> start("process", SpanKind.CONSUMER));
    }

    /** A span of the current trace (or a new one) for work of this service, e.g. an outgoing HTTP call. */
    public TracedWork start(String name, SpanKind kind) {
        return new TracedWork(tracer.spanBuilder(name).setSpanKind(kind).startSpan());
    }

    /** The W3C headers that carry the current trace context on: empty when there is none. */
    public Map<String, String> outgoing() {
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(Context.current(), headers, Map::put);
        return headers;
    }

    /** Puts the current trace context on a record about to be produced, in place of any it carried. */
    public Headers inject(Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        outgoing().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** The record of a SmallRye Kafka channel with the current trace context in its headers. */
    public <K, T> OutgoingKafkaRecord<K, T> traced(OutgoingKafkaRecord<K, T> record) {
        OutgoingKafkaRecord<K, T> traced = record;
        for (Map.Entry<String, String> header : outgoing().entrySet()) {
            traced = traced.withHeader(header.getKey(), header.getValue());
        }
        return traced;
    }

    /** Exports what is still buffered. */
    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(5, TimeUnit.SECONDS);
        }
    }
}
