package io.handoff.slack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.handoff.slack.persistence.Connection;
import io.handoff.slack.service.SlackWorkspaces;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;

import java.time.Instant;

/**
 * A chatbot's Slack connection: which workspace and channel its escalations go to. Tokens go in and
 * never come out: responses say {@code "botTokenSet": true}.
 */
@Path("/api/v1/chatbots/{chatbotId}/slack")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class SlackConnectionResource {

    /** A connection as the API shows it. */
    public record ConnectionView(String chatbotId, String teamId, String teamName, String channelId,
                                 String channelName, Instant connectedAt, boolean botTokenSet) {

        static ConnectionView of(Connection c) {
            return new ConnectionView(c.chatbotId(), c.teamId(), c.teamName(), c.channelId(), c.channelName(),
                    c.connectedAt(), true);
        }
    }

    /** The manual path: a bot token of a Slack app already in the workspace and the channel to post to. */
    public record TokenConnection(String botToken, String channelId) {

        @Override
        public String toString() {
            return "TokenConnection[botToken=<redacted>, channelId=" + channelId + "]";
        }
    }

    /** Where to send the Slack admin who installs the app. */
    public record InstallLinkView(String installUrl, Instant expiresAt) {
    }

    private static final ObjectReader BODY = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(TokenConnection.class);

    private final SlackWorkspaces workspaces;
    private final ChatbotAccess access;

    public SlackConnectionResource(SlackWorkspaces workspaces, ChatbotAccess access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    @GET
    @Operation(summary = "The chatbot's Slack connection", description = "404 when Slack is not connected.")
    public Response get(@PathParam("chatbotId") String chatbotId) {
        access.require(chatbotId);
        return workspaces.connection(chatbotId)
                .map(c -> Response.ok(ConnectionView.of(c)).build())
                .orElseGet(() -> notConnected(chatbotId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect with a bot token",
            description = "For single-workspace setups: the token is checked with Slack (auth.test) and the "
                    + "channel must be visible to the bot (conversations.info). Replaces any earlier connection.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TokenConnection.class),
            examples = @ExampleObject(name = "bot token and channel",
                    value = "{\"botToken\": \"xoxb-1234-5678-abcdef\", \"channelId\": \"C0123456789\"}")))
    public ConnectionView connect(@PathParam("chatbotId") String chatbotId, String body) {
        access.require(chatbotId);
        TokenConnection given = read(body);
        return ConnectionView.of(workspaces.connectWithToken(chatbotId, given.botToken(), given.channelId()));
    }

    /** Read here rather than by the framework, so every unreadable body gets the same problem response. */
    private static TokenConnection read(String body) {
        if (body == null || body.isBlank()) {
            return new TokenConnection(null, null);
        }
        try {
            TokenConnection parsed = BODY.readValue(body);
            return parsed == null ? new TokenConnection(null, null) : parsed;
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException(e);
        }
    }

    @POST
    @Path("/install-link")
    @Operation(summary = "Start the OAuth install",
            description = "A one-time link to /slack/install, valid for a few minutes, for a Slack admin to open. "
                    + "409 when the Slack app's client id and secret are not configured.")
    public Response installLink(@PathParam("chatbotId") String chatbotId) {
        access.require(chatbotId);
        SlackWorkspaces.InstallLink link = workspaces.installLink(chatbotId);
        return Response.status(201).entity(new InstallLinkView(link.url().toString(), link.expiresAt())).build();
    }

    @DELETE
    @Operation(summary = "Disconnect Slack", description = "Slack notifications stop being accepted in the settings.")
    public Response disconnect(@PathParam("chatbotId") String chatbotId) {
        access.require(chatbotId);
        return workspaces.disconnect(chatbotId) ? Response.noContent().build() : notConnected(chatbotId);
    }

    private static Response notConnected(String chatbotId) {
        return Problem.response(404, "Not connected", "Chatbot " + chatbotId + " has no Slack connection.");
    }
}
