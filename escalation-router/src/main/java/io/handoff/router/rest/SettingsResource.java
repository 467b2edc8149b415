package io.handoff.router.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.router.persistence.StoredSettings;
import io.handoff.router.service.SettingsService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Per-chatbot handoff settings. Secrets are accepted but never returned: the webhook block says
 * {@code "signingSecretSet": true} instead. Every change reaches the other services at once through
 * the settings topic.
 */
@Path("/api/v1/chatbots/{chatbotId}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final SettingsService service;

    public SettingsResource(SettingsService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Read a chatbot's settings")
    public Response get(@PathParam("chatbotId") String chatbotId) {
        return service.find(chatbotId)
                .map(SettingsResource::ok)
                .orElseGet(() -> Problem.response(404, "Not found", "No settings for chatbot " + chatbotId));
    }

    @PUT
    @Operation(summary = "Create or replace a chatbot's settings")
    public Response put(@PathParam("chatbotId") String chatbotId, String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return Problem.response(400, "Missing body", "Send the settings as a JSON object.");
        }
        // Read here rather than by the framework, so every unreadable body gets the same problem response.
        ChatbotSettings settings = EventJson.mapper().readValue(body, ChatbotSettings.class);
        return ok(service.replace(chatbotId, settings));
    }

    @DELETE
    @Operation(summary = "Delete a chatbot's settings; escalations are then no longer routed")
    public Response delete(@PathParam("chatbotId") String chatbotId) {
        return service.delete(chatbotId)
                ? Response.noContent().build()
                : Problem.response(404, "Not found", "No settings for chatbot " + chatbotId);
    }

    private static Response ok(StoredSettings stored) {
        return Response.ok(stored.settings())
                .tag(new EntityTag(Long.toString(stored.version())))
                .lastModified(java.util.Date.from(stored.updatedAt()))
                .build();
    }
}
