package io.handoff.webhook.rest;

import io.handoff.webhook.WebhookConfig;
import io.handoff.webhook.delivery.DeliveryLog;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * For operators: the webhooks that failed for good, and replaying them. A replay keeps the delivery id,
 * so a receiver that did get an earlier attempt can recognise it, and starts the retry schedule anew.
 * The list shows every chatbot's receivers, so only the global administrator may call it; a bearer token
 * is also what keeps a cross-site form from replaying deliveries.
 */
@Path("/api/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WebhookDeliveryResource {

    static final int MAX_ID_LENGTH = 200;

    /** One failed delivery, without the signing secret. */
    public record FailedDelivery(String deliveryId, String escalationId, String url, int attempts, String reason,
                                 Instant failedAt) {
    }

    private final DeliveryLog log;
    private final JsonWebToken token;
    private final String adminGroup;

    public WebhookDeliveryResource(DeliveryLog log, JsonWebToken token, WebhookConfig config) {
        this.log = log;
        this.token = token;
        this.adminGroup = config.auth().adminGroup();
    }

    @GET
    @Path("/failed")
    public Response failed(@QueryParam("limit") @DefaultValue("100") String limit) {
        requireGlobalAdmin();
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 1000) {
            return Problems.invalid("limit", "must be a whole number from 1 to 1000");
        }
        return Response.ok(log.failed(count).stream()
                .map(r -> new FailedDelivery(r.deliveryId(), r.escalationId(), r.url(), r.attempts(), r.lastError(), r.updatedAt()))
                .toList()).build();
    }

    @POST
    @Path("/{deliveryId}/replay")
    public Response replay(@PathParam("deliveryId") String deliveryId) {
        requireGlobalAdmin();
        if (deliveryId.length() > MAX_ID_LENGTH || deliveryId.chars().anyMatch(Character::isISOControl)) {
            return Problems.invalid("deliveryId", "must be at most " + MAX_ID_LENGTH + " characters, without control characters");
        }
        if (log.replay(deliveryId)) {
            return Response.accepted(Map.of("deliveryId", deliveryId, "status", "retry_scheduled")).build();
        }
        boolean known = log.find(deliveryId).isPresent();
        int status = known ? 409 : 404;
        String detail = known ? "delivery " + deliveryId + " has not failed; only failed deliveries can be replayed"
                : "no delivery " + deliveryId;
        return Problems.response(status, known ? "Conflict" : "Not found", detail);
    }

    @POST
    @Path("/failed/replay")
    public Response replayAll() {
        requireGlobalAdmin();
        return Response.accepted(Map.of("replayed", log.replayAllFailed())).build();
    }

    private void requireGlobalAdmin() {
        if (token.getGroups() == null || !token.getGroups().contains(adminGroup)) {
            throw new ForbiddenException("only the global administrator may see and replay failed deliveries");
        }
    }
}
