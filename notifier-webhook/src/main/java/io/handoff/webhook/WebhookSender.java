package io.handoff.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.webhook.delivery.WebhookAttempt;
import io.handoff.events.webhook.AddressPolicy;
import io.handoff.webhook.ssrf.GuardedSocketFactory;
import io.handoff.webhook.ssrf.RefusedAddressException;
import io.handoff.telemetry.tracing.TracedWork;
import io.handoff.telemetry.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * POSTs one webhook. Redirects are not followed, no proxy is used, and every connection goes through
 * the SSRF policy at connect time.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String DELIVERY_HEADER = "X-Handoff-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Handoff-Timestamp";
    private static final MediaType JSON = MediaType.get("application/json");

    private final WebhookConfig config;
    private final Tracing tracing;
    private final OkHttpClient client;

    public WebhookSender(WebhookConfig config, Tracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.client = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)
                .socketFactory(new GuardedSocketFactory(AddressPolicy.allowing(config.allowedNetworks().orElse(List.of()))))
                .retryOnConnectionFailure(false)
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout())
                .build();
    }

    /** The exact bytes that are sent and signed. */
    public static byte[] body(NotifyWebhook command) {
        try {
            return EventJson.mapper().writeValueAsBytes(WebhookPayload.from(command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook payload", e);
        }
    }

    public WebhookAttempt send(NotifyWebhook command) {
        byte[] body = body(command);
        Request.Builder request;
        try {
            request = new Request.Builder().url(command.url());
        } catch (IllegalArgumentException e) {
            return new WebhookAttempt(WebhookAttempt.Outcome.PERMANENT, 0, "not an http(s) URL", null);
        }
        long timestamp = Instant.now().getEpochSecond();
        request.header("User-Agent", config.userAgent())
                .header(DELIVERY_HEADER, command.deliveryId())
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSigner.STANDARD_ID_HEADER, command.deliveryId())
                .header(WebhookSigner.STANDARD_TIMESTAMP_HEADER, Long.toString(timestamp))
                .post(RequestBody.create(body, JSON));
        if (command.signingSecret() != null && !command.signingSecret().isEmpty()) {
            request.header(WebhookSigner.HEADER, WebhookSigner.sign(body, command.signingSecret()));
            request.header(WebhookSigner.STANDARD_SIGNATURE_HEADER,
                    WebhookSigner.standardSignature(command.deliveryId(), timestamp, body, command.signingSecret()));
        }
        // the receiver may join the trace: W3C traceparent of this call's span (outside the signed bytes)
        try (TracedWork call = tracing.start("POST", SpanKind.CLIENT)) {
            call.attribute("http.request.method", "POST").attribute("handoff.delivery.id", command.deliveryId());
            tracing.outgoing().forEach(request::header);
            WebhookAttempt attempt = call(request.build());
            call.attribute("http.response.status_code", attempt.status());
            if (attempt.outcome() != WebhookAttempt.Outcome.DELIVERED) {
                call.failed(attempt.detail());
            }
            return attempt;
        }
    }

    private WebhookAttempt call(Request request) {
        try (Response response = client.newCall(request).execute()) {
            return WebhookAttempt.of(response.code(), retryAfter(response.header("Retry-After")));
        } catch (IOException e) {
            RefusedAddressException refused = refusal(e);
            if (refused != null) {
                return new WebhookAttempt(WebhookAttempt.Outcome.PERMANENT, 0, "refused: " + refused.getMessage(), null);
            }
            String detail = e instanceof InterruptedIOException
                    ? "no answer within " + config.timeout().toMillis() + " ms"
                    : "connection failed: " + e.getClass().getSimpleName();
            return new WebhookAttempt(WebhookAttempt.Outcome.RETRYABLE, 0, detail, null);
        }
    }

    private static RefusedAddressException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException refused) {
                return refused;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof RefusedAddressException refused) {
                    return refused;
                }
            }
        }
        return null;
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @PreDestroy
    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
