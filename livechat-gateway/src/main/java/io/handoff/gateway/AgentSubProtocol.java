package io.handoff.gateway;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets browsers send the agent's token in {@code Sec-WebSocket-Protocol} (they cannot set
 * {@code Authorization} on a WebSocket): the server accepts {@value AgentAuthenticator#SUB_PROTOCOL},
 * and the handshake answers with it when the client offers it next to {@code bearer.<token>}.
 */
@ApplicationScoped
public class AgentSubProtocol implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.addWebSocketSubProtocol(AgentAuthenticator.SUB_PROTOCOL);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.addWebSocketSubProtocol(AgentAuthenticator.SUB_PROTOCOL);
    }
}
