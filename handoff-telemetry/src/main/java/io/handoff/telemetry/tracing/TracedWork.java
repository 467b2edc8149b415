package io.handoff.telemetry.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * One span, current on this thread from its start until {@link #close()}:
 *
 * <pre>{@code
 * try (TracedWork work = tracing.receiving(record.topic(), record.headers())) {
 *     ... // what is produced or called here carries the span's context
 * }
 * }</pre>
 */
public final class TracedWork implements AutoCloseable {

    private final Span span;
    private final Scope scope;

    TracedWork(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
    }

    /** Adds an attribute (an id, a status code); never a message's text or a secret. */
    public TracedWork attribute(String key, String value) {
        if (value != null) {
            span.setAttribute(AttributeKey.stringKey(key), value);
        }
        return this;
    }

    public TracedWork attribute(String key, long value) {
        span.setAttribute(AttributeKey.longKey(key), value);
        return this;
    }

    /** Marks the span failed, naming the kind of failure only: exception messages may quote what a visitor wrote. */
    public void failed(String reason) {
        span.setStatus(StatusCode.ERROR, reason);
    }

    public void failed(Throwable error) {
        failed(error.getClass().getSimpleName());
    }

    /** The span's trace id, 32 hex digits (all zeros when none is current and nothing is recorded). */
    public String traceId() {
        return span.getSpanContext().getTraceId();
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
