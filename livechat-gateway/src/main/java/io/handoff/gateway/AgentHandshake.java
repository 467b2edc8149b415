package io.handoff.gateway;

import io.handoff.events.json.EventJson;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The agent WebSocket's handshake: the token and {@code after} are checked before the upgrade.
 *
 * <p>As an {@link HttpUpgradeCheck} it authenticates the agent and leaves the agent and {@code after} in the
 * connection's user data. A refused handshake fails the check with {@link Refused}; the failure handler on the
 * endpoint's path answers it with the HTTP status and a problem body (the extension's own rejection has no
 * body). A plain HTTP request on the path is told to upgrade ({@code 426}).
 */
@ApplicationScoped
public class AgentHandshake implements HttpUpgradeCheck {

    private static final UserData.TypedKey<Agent> AGENT = new UserData.TypedKey<>("handoff.agent");
    private static final UserData.TypedKey<Long> AFTER = UserData.TypedKey.forLong("handoff.agent.after");

    private final AgentAuthenticator authenticator;

    public AgentHandshake(AgentAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Why a handshake was refused: the HTTP status, its title and what the agent should do. */
    static final class Refused extends RuntimeException {
        private final int status;
        private final String title;

        Refused(int status, String title, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
        }
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return AgentSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        try {
            context.userData().put(AGENT, authenticator.authenticate(request.getParam("access_token"),
                    request.getHeader("Sec-WebSocket-Protocol")));
        } catch (AgentAuthenticator.Refused refused) {
            return Uni.createFrom().failure(new Refused(refused.status(),
                    refused.status() == 401 ? "Unauthorized" : "Forbidden", refused.getMessage()));
        }
        try {
            Long after = after(request.getParam("after"));
            if (after != null) {
                context.userData().put(AFTER, after);
            }
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(new Refused(400, "Bad Request",
                    "\"after\" must be the seq of the last event you saw (a whole number, 0 or more)"));
        }
        return CheckResult.permitUpgrade();
    }

    /** The agent the handshake authenticated. */
    static Agent agent(WebSocketConnection connection) {
        return connection.userData().get(AGENT);
    }

    /** The {@code seq} of the last event the agent saw, or null on a first connection. */
    static Long after(WebSocketConnection connection) {
        return connection.userData().get(AFTER);
    }

    private static Long after(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long after = Long.parseLong(value);
        if (after < 0) {
            throw new NumberFormatException("negative");
        }
        return after;
    }

    void routes(@Observes Router router) {
        router.route(AgentSocket.PATH).order(-100).failureHandler(this::refused);
        // the endpoint passes on requests that are no WebSocket handshake
        router.get(AgentSocket.PATH).order(Integer.MAX_VALUE - 100).handler(rc -> rc.response().setStatusCode(426)
                .putHeader(HttpHeaders.UPGRADE, "websocket").end());
    }

    private void refused(RoutingContext rc) {
        if (!(rc.failure() instanceof Refused refused) || rc.response().ended()) {
            rc.next();
            return;
        }
        String body = AgentFrame.toJson(EventJson.mapper().createObjectNode()
                .put("type", "about:blank").put("title", refused.title).put("status", refused.status)
                .put("detail", refused.getMessage()));
        rc.response().setStatusCode(refused.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(body);
    }
}
