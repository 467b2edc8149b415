package io.handoff.router.service;

import io.handoff.events.webhook.AddressPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Refuses, when settings are saved, a webhook URL that points inside the network: an owner learns at
 * once that {@code http://localhost/...} or {@code http://169.254.169.254/...} will never be called.
 * The webhook notifier checks again at every connection (DNS may change); this is the early, clear
 * answer. A name that cannot be resolved now is accepted and left to that later check.
 */
@ApplicationScoped
public class WebhookTargetCheck {

    private static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(2);

    private final AddressPolicy policy;

    @Inject
    public WebhookTargetCheck(RouterConfig config) {
        this(AddressPolicy.allowing(config.webhook().allowedNetworks().orElse(List.of())));
    }

    WebhookTargetCheck(AddressPolicy policy) {
        this.policy = policy;
    }

    /** Why webhooks to {@code url} would be refused, or empty when they may go there. */
    public Optional<String> refusal(String url) {
        String host = URI.create(url).getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        for (InetAddress address : resolve(host)) {
            Optional<String> refused = policy.refusal(address);
            if (refused.isPresent()) {
                return Optional.of("'" + host + "' resolves to " + refused.get());
            }
        }
        return Optional.empty();
    }

    private static List<InetAddress> resolve(String host) {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
        try {
            return List.of(lookup.get(RESOLVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
