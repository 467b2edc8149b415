package io.handoff.gateway;

import io.handoff.events.access.RoleGroups;
import io.handoff.events.access.TokenRoles;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the token an agent connects with: signed by the trusted identity provider, from its issuer,
 * not expired. The token names the agent ({@code sub}, shown by {@code name}) and the chatbots they
 * serve.
 */
@ApplicationScoped
public class AgentAuthenticator {

    /** The sub-protocol a browser offers next to {@code bearer.<token>}, and the one the gateway picks. */
    public static final String SUB_PROTOCOL = "handoff.agent.v2";
    static final String BEARER_PREFIX = "bearer.";

    private static final Logger LOG = Logger.getLogger(AgentAuthenticator.class);

    private final JWTParser parser;
    private final GatewayConfig.Auth config;

    public AgentAuthenticator(JWTParser parser, GatewayConfig config) {
        this.parser = parser;
        this.config = config.auth();
    }

    /** Why a connection was refused, as the HTTP status and problem the handshake answers with. */
    public static final class Refused extends Exception {
        private final int status;

        Refused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * @param queryToken    the {@code access_token} query parameter, or null
     * @param subProtocols  the {@code Sec-WebSocket-Protocol} header, or null
     */
    public Agent authenticate(String queryToken, String subProtocols) throws Refused {
        String token = queryToken != null && !queryToken.isBlank() ? queryToken : fromSubProtocols(subProtocols);
        if (token == null) {
            throw new Refused(401, "a token is needed: pass it as access_token or as the bearer.<token> sub-protocol");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            LOG.debugf("agent token refused: %s", e.getMessage());
            throw new Refused(401, "the token is not valid (malformed, badly signed, expired or from another issuer)");
        }
        String id = jwt.getSubject();
        if (id == null || id.isBlank()) {
            throw new Refused(401, "the token names no agent (no sub claim)");
        }
        ChatbotScope scope = scope(jwt);
        Instant expires = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
        return new Agent(id, displayName(jwt, id), scope, expires);
    }

    private ChatbotScope scope(JsonWebToken jwt) throws Refused {
        TokenRoles roles = TokenRoles.of(jwt.getGroups(), jwt.getClaim(config.chatbotsClaim()),
                new RoleGroups(config.adminGroup(), config.chatbotAdminGroup(), config.agentGroup()));
        if (roles.isGlobalAdmin()) {
            return ChatbotScope.everyChatbot();
        }
        if (roles.servedChatbots().isEmpty()) {
            throw new Refused(403, "the token is not an agent's of any chatbot (the agent group and the chatbots it serves)");
        }
        return ChatbotScope.of(List.copyOf(roles.servedChatbots()));
    }

    private static String displayName(JsonWebToken jwt, String id) {
        for (String claim : List.of("name", "preferred_username")) {
            Object value = jwt.getClaim(claim);
            String text = value instanceof JsonString s ? s.getString() : value instanceof String s ? s : null;
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return id;
    }

    private static String fromSubProtocols(String header) {
        if (header == null) {
            return null;
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(p -> p.startsWith(BEARER_PREFIX) && p.length() > BEARER_PREFIX.length())
                .map(p -> p.substring(BEARER_PREFIX.length()))
                .findFirst()
                .orElse(null);
    }
}
