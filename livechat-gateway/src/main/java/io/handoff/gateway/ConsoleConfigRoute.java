package io.handoff.gateway;

import io.handoff.events.json.EventJson;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the agent console asks the gateway that served it, at {@value #PATH}: where the escalation
 * router's API is, for the statistics view ({@code {"statsApiUrl": "http://localhost:8082"}}). The
 * page is static, so this keeps the address a setting of the deployment
 * ({@code handoff.gateway.console.stats-api-url}) rather than something written into the page.
 */
@ApplicationScoped
public class ConsoleConfigRoute {

    public static final String PATH = "/console/config.json";

    private final String body;

    public ConsoleConfigRoute(GatewayConfig config) {
        // the page appends /api/v1/...; a trailing slash would double it
        String url = config.console().statsApiUrl().strip().replaceAll("/+$", "");
        this.body = AgentFrame.toJson(EventJson.mapper().createObjectNode().put("statsApiUrl", url));
    }

    void init(@Observes Router router) {
        router.get(PATH).handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body));
    }
}
