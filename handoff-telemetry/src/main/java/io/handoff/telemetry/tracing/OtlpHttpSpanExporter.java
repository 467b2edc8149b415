package io.handoff.telemetry.tracing;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends spans to an OpenTelemetry collector over OTLP/HTTP with the JDK's HTTP client, encoded by the
 * OpenTelemetry SDK's own OTLP marshaler (binary protobuf or the protocol's JSON mapping).
 *
 * <p>The services already carry an HTTP client of another major version for webhooks; this keeps the
 * tracing exporter from bringing a second one. A failed export is logged once per run of failures and
 * dropped: tracing never holds up or fails the work it describes.
 */
final class OtlpHttpSpanExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(OtlpHttpSpanExporter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TracingSettings settings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicBoolean failing = new AtomicBoolean();

    OtlpHttpSpanExporter(TracingSettings settings) {
        this.settings = settings;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        byte[] body;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TraceRequestMarshaler request = TraceRequestMarshaler.create(spans);
            if (settings.protocol() == TracingSettings.Protocol.JSON) {
                request.writeJsonTo(out);
            } else {
                request.writeBinaryTo(out);
            }
            body = out.toByteArray();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not encode %d span(s): %s", spans.size(), e.getClass().getSimpleName());
            return CompletableResultCode.ofFailure();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(TIMEOUT)
                .header("Content-Type", settings.protocol().contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.headers().forEach(request::header);
        CompletableResultCode result = new CompletableResultCode();
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                if (failing.compareAndSet(true, false)) {
                    LOG.infof("spans reach %s again", settings.endpoint());
                }
                result.succeed();
                return;
            }
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("could not export spans to %s (%s); dropping them until it answers", settings.endpoint(),
                        error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode());
            }
            result.fail();
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
