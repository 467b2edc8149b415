package io.handoff.router.rest;

import io.handoff.router.service.RouterConfig;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides whether the caller's token may manage a chatbot: an administrator may manage all of them,
 * anyone else the ids their token lists. Asked by every endpoint that names a chatbot.
 */
@RequestScoped
public class ChatbotAccess {

    private final JsonWebToken token;
    private final RouterConfig config;

    public ChatbotAccess(JsonWebToken token, RouterConfig config) {
        this.token = token;
        this.config = config;
    }

    public void require(String chatbotId) {
        if (!mayManage(chatbotId)) {
            throw new ForbiddenException("this token does not manage chatbot " + chatbotId);
        }
    }

    public boolean mayManage(String chatbotId) {
        if (token.getGroups() != null && token.getGroups().contains(config.auth().adminGroup())) {
            return true;
        }
        Object listed = token.getClaim(config.auth().chatbotsClaim());
        if (listed instanceof JsonArray array) {
            return array.stream().anyMatch(v -> v instanceof JsonString s && s.getString().equals(chatbotId));
        }
        if (listed instanceof JsonString single) {
            return single.getString().equals(chatbotId);
        }
        return false;
    }
}
