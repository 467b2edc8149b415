package io.handoff.webhook.rest;

import io.handoff.webhook.delivery.DeliveryLog;
import io.handoff.webhook.delivery.DeliveryRecord;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * For operators: the webhooks that failed for good, and replaying them. A replay keeps the delivery id,
 * so a receiver that did get an earlier attempt can recognise it, and starts the retry schedule anew.
 */
@Path("/api/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    /** One failed delivery, without the signing secret. */
    public record FailedDelivery(String deliveryId, String escalationId, String url, int attempts, String reason,
                                 Instant failedAt) {
    }

    private final DeliveryLog log;

    public WebhookDeliveryResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @Path("/failed")
    public List<FailedDelivery> failed(@QueryParam("limit") @DefaultValue("100") int limit) {
        return log.failed(Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new FailedDelivery(r.deliveryId(), r.escalationId(), r.url(), r.attempts(), r.lastError(), r.updatedAt()))
                .toList();
    }

    @POST
    @Path("/{deliveryId}/replay")
    public Response replay(@PathParam("deliveryId") String deliveryId) {
        if (log.replay(deliveryId)) {
            return Response.accepted(Map.of("deliveryId", deliveryId, "status", "retry_scheduled")).build();
        }
        boolean known = log.find(deliveryId).isPresent();
        int status = known ? 409 : 404;
        String detail = known ? "delivery " + deliveryId + " has not failed; only failed deliveries can be replayed"
                : "no delivery " + deliveryId;
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", known ? "Conflict" : "Not found", "status", status, "detail", detail))
                .build();
    }

    @POST
    @Path("/failed/replay")
    public Response replayAll() {
        return Response.accepted(Map.of("replayed", log.replayAllFailed())).build();
    }
}
