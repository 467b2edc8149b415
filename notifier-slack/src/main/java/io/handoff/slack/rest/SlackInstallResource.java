package io.handoff.slack.rest;

import io.handoff.slack.persistence.Connection;
import io.handoff.slack.service.InstallFailedException;
import io.handoff.slack.service.SlackNotConfiguredException;
import io.handoff.slack.service.SlackWorkspaces;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The browser side of the OAuth v2 install: {@code /slack/install} sends the admin to Slack, Slack
 * sends them back to {@code /slack/oauth/callback}. Both are opened in a browser, so they answer
 * with small pages, and the one-time {@code state} (issued to an authenticated caller) is what
 * protects them.
 */
@Path("/slack")
@Produces(MediaType.TEXT_HTML)
public class SlackInstallResource {

    private final SlackWorkspaces workspaces;

    public SlackInstallResource(SlackWorkspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GET
    @Path("/install")
    @Operation(summary = "Go to Slack to install the app", description = "Opened from an install link.")
    public Response install(@QueryParam("state") String state) {
        try {
            return Response.status(302).location(workspaces.authorizeUrl(state)).build();
        } catch (InstallFailedException | SlackNotConfiguredException e) {
            return page(400, "Slack was not connected", e.getMessage());
        }
    }

    @GET
    @Path("/oauth/callback")
    @Operation(summary = "Slack's redirect after the install", description = "The app's OAuth redirect URL.")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        if (error != null && !error.isBlank()) {
            return page(400, "Slack was not connected", "Slack says: " + error
                    + ". Nothing was changed; start again from a new install link.");
        }
        try {
            Connection c = workspaces.completeInstall(state, code);
            return page(200, "Slack is connected", "Escalations of chatbot " + c.chatbotId() + " can now go to "
                    + (c.channelName() == null ? c.channelId() : c.channelName()) + " in " + c.teamName()
                    + ". Turn Slack notifications on in the chatbot's settings. You can close this page.");
        } catch (InstallFailedException | SlackNotConfiguredException e) {
            return page(400, "Slack was not connected", e.getMessage());
        }
    }

    private static Response page(int status, String title, String message) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;"
                + "padding:0 1rem;color:#1d1c1d}h1{font-size:1.4rem}</style></head><body><h1>" + escape(title)
                + "</h1><p>" + escape(message) + "</p></body></html>";
        return Response.status(status).type("text/html; charset=utf-8").entity(html).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
