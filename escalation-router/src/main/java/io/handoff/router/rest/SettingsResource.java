package io.handoff.router.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.router.persistence.StoredSettings;
import io.handoff.router.service.SettingsService;
import io.handoff.router.service.WebhookHealth;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Per-chatbot handoff settings. Secrets are accepted but never returned: the webhook block says
 * {@code "signingSecretSet": true} instead. Every change reaches the other services at once through
 * the settings topic. Callers need a token that manages the chatbot.
 */
@Path("/api/v1/chatbots/{chatbotId}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class SettingsResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    /**
     * The largest settings document accepted, in bytes of UTF-8. Settings are published as one Kafka
     * record, whose default limit is 1 MiB; a document this size stays well below it once stored.
     */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /**
     * API input is read strictly: a field the settings do not have, anything after the document, or an
     * empty string where a flag, number or block belongs is a mistake worth reporting, not a default.
     */
    private static final ObjectMapper STRICT_MAPPER = strictMapper();
    private static final ObjectReader STRICT = STRICT_MAPPER.readerFor(ChatbotSettings.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader STRICT_TREE = STRICT_MAPPER.reader();

    static final String FULL_EXAMPLE = """
            {
              "name": "My Chatbot",
              "escalationsEnabled": true,
              "handoffLevel": "balanced",
              "offerFirst": true,
              "emailRequired": true,
              "detection": {"restrictedTopics": ["billing dispute", "cancel my contract"], "keywords": ["refund", "lawsuit"]},
              "email": {"enabled": true, "recipients": "ana@example.com;bo@example.com", "roundRobin": true},
              "slack": {"enabled": false},
              "webhook": {"enabled": true, "url": "https://crm.example.com/hooks/handoff", "signingSecret": "change-me"},
              "responseSlaMinutes": 15,
              "backupContacts": ["lead@example.com"],
              "businessHours": {
                "timeZone": "Europe/Berlin",
                "weekly": {"monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"],
                           "thursday": ["09:00-17:00"], "friday": ["09:00-15:00"]},
                "holidays": ["2026-12-25", "2026-12-26"],
                "channelsWhenClosed": ["email"]
              },
              "texts": {"de": {"confirmation": "Danke! Wir melden uns innerhalb von {minutes} Minuten."}}
            }""";

    private final SettingsService service;
    private final ChatbotAccess access;
    private final WebhookHealth webhookHealth;

    public SettingsResource(SettingsService service, ChatbotAccess access, WebhookHealth webhookHealth) {
        this.service = service;
        this.access = access;
        this.webhookHealth = webhookHealth;
    }

    @GET
    @Operation(summary = "Read a chatbot's settings")
    @APIResponse(responseCode = "200", description = "The settings; the webhook secret shows only as signingSecretSet")
    @APIResponse(responseCode = "404", description = "The chatbot has no settings")
    public Response get(@PathParam("chatbotId") String chatbotId) {
        access.requireAdmin(chatbotId);
        return service.find(chatbotId)
                .map(this::ok)
                .orElseGet(() -> notFound(chatbotId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a chatbot's settings",
            description = "Missing fields take their defaults. A missing signingSecret keeps the stored one; an empty one removes it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChatbotSettings.class),
            examples = {
                    @ExampleObject(name = "full", summary = "Every option", value = FULL_EXAMPLE),
                    @ExampleObject(name = "seed", summary = "Email and webhook, as the dashboard sets them", value = """
                            {"email": {"enabled": true, "recipients": "support@example.com;sales@example.com"},
                             "webhook": {"enabled": true, "url": "https://crm.example.com/hooks/handoff", "signingSecret": "change-me"}}""")
            }))
    @APIResponse(responseCode = "200", description = "Saved and published to the other services")
    @APIResponse(responseCode = "400", description = "A problem document naming each invalid field")
    public Response put(@PathParam("chatbotId") String chatbotId, String body) throws JsonProcessingException {
        access.requireAdmin(chatbotId);
        if (body == null || body.isBlank()) {
            return Problem.response(400, "Missing body", "Send the settings as a JSON object.");
        }
        if (tooLarge(body)) {
            return bodyTooLarge();
        }
        // Read here rather than by the framework, so every unreadable body gets the same problem response.
        JsonNode document = STRICT_TREE.readTree(body);
        ChatbotSettings settings = STRICT.treeToValue(withoutReadOnly(document), ChatbotSettings.class);
        if (settings == null) {
            return Problem.response(400, "Unreadable request body", "The settings must be a JSON object, not null.");
        }
        return ok(service.replace(chatbotId, settings));
    }

    @PATCH
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some of a chatbot's settings",
            description = "A JSON merge patch (RFC 7396): fields present replace the stored ones, null removes a field "
                    + "(it takes its default), objects merge field by field.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, examples = {
            @ExampleObject(name = "turn on Slack", summary = "Once a Slack workspace is connected; without a channel, the one chosen when connecting",
                    value = "{\"slack\": {\"enabled\": true}}"),
            @ExampleObject(name = "change the response time", value = "{\"responseSlaMinutes\": 30}")}))
    @APIResponse(responseCode = "200", description = "Saved and published to the other services")
    @APIResponse(responseCode = "404", description = "The chatbot has no settings yet; create them with PUT")
    public Response patch(@PathParam("chatbotId") String chatbotId, String body) throws JsonProcessingException {
        access.requireAdmin(chatbotId);
        if (body == null || body.isBlank()) {
            return Problem.response(400, "Missing body", "Send a JSON merge patch: an object with the fields to change.");
        }
        if (tooLarge(body)) {
            return bodyTooLarge();
        }
        JsonNode patch = STRICT_TREE.readTree(body);
        if (!patch.isObject()) {
            return Problem.response(400, "Unreadable request body", "A merge patch for settings must be a JSON object.");
        }
        var stored = service.find(chatbotId);
        if (stored.isEmpty()) {
            return notFound(chatbotId);
        }
        ObjectNode current = EventJson.mapper().valueToTree(stored.get().settings());
        // the flag is derived from the stored secret; the patch decides about the secret itself
        if (current.get("webhook") instanceof ObjectNode webhook) {
            webhook.remove("signingSecretSet");
        }
        String document = mergePatch(current, withoutReadOnly(patch)).toString();
        if (tooLarge(document)) {
            return bodyTooLarge();
        }
        ChatbotSettings merged = STRICT.readValue(document);
        return ok(service.replace(chatbotId, merged));
    }

    @DELETE
    @Operation(summary = "Delete a chatbot's settings; escalations are then no longer routed")
    @APIResponse(responseCode = "204", description = "Deleted; the other services learn it from a tombstone")
    public Response delete(@PathParam("chatbotId") String chatbotId) {
        access.requireAdmin(chatbotId);
        return service.delete(chatbotId)
                ? Response.noContent().build()
                : notFound(chatbotId);
    }

    /** RFC 7396: objects merge recursively, null deletes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : EventJson.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = EventJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    private static boolean tooLarge(String body) {
        // a UTF-16 character is at most three bytes of UTF-8, so only longer bodies need counting
        return body.length() > MAX_BODY_BYTES / 3 && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES;
    }

    private static Response bodyTooLarge() {
        return Problem.response(413, "Body too large",
                "A settings document may have at most " + MAX_BODY_BYTES / 1024 + " KiB.");
    }

    private static Response notFound(String chatbotId) {
        return Problem.response(404, "Not found", "No settings for chatbot " + chatbotId);
    }

    /**
     * What GET adds and a client may send back unchanged: {@code webhook.status} is the service's to
     * say, so PUT and PATCH ignore it.
     */
    private static JsonNode withoutReadOnly(JsonNode document) {
        if (document != null && document.get("webhook") instanceof ObjectNode webhook) {
            webhook.remove("status");
        }
        return document;
    }

    /** The stored settings, and {@code webhook.status} when the endpoint is failing or was disabled. */
    private Response ok(StoredSettings stored) {
        ObjectNode body = EventJson.mapper().valueToTree(stored.settings());
        webhookHealth.of(stored.chatbotId())
                .filter(health -> health.url().equals(stored.settings().webhook().url()))
                .ifPresent(health -> {
                    ObjectNode status = ((ObjectNode) body.get("webhook")).putObject("status");
                    status.put("state", health.state().name().toLowerCase(Locale.ROOT));
                    status.put("since", health.since().toString());
                    if (health.reason() != null) {
                        status.put("reason", health.reason());
                    }
                });
        return Response.ok(body)
                .tag(new EntityTag(Long.toString(stored.version())))
                .lastModified(java.util.Date.from(stored.updatedAt()))
                .build();
    }
}
