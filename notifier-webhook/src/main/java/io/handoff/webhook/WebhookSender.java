package io.handoff.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifyWebhook;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;

/** POSTs one webhook. Redirects are not followed: a receiver must answer at the URL it gave. */
@ApplicationScoped
public class WebhookSender {

    public static final String DELIVERY_HEADER = "X-Handoff-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Handoff-Timestamp";

    private final WebhookConfig config;
    private final HttpClient client;
    private final Clock clock;

    public WebhookSender(WebhookConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout())
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(command.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", config.userAgent())
                .header(DELIVERY_HEADER, command.deliveryId())
                .header(TIMESTAMP_HEADER, Long.toString(Instant.now(clock).getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (command.signingSecret() != null && !command.signingSecret().isEmpty()) {
            request.header(WebhookSigner.HEADER, WebhookSigner.sign(body, command.signingSecret()));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new WebhookAttempt(status >= 200 && status < 300, status, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new WebhookAttempt(false, 0, "timed out after " + config.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return new WebhookAttempt(false, 0, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookAttempt(false, 0, "interrupted");
        }
    }
}
