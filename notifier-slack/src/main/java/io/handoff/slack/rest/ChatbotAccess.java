package io.handoff.slack.rest;

import io.handoff.slack.config.SlackNotifierConfig;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The same rule as the settings API: a token of the admin group may connect Slack for any chatbot,
 * any other token only for the chatbots its claim lists.
 */
@RequestScoped
public class ChatbotAccess {

    private final JsonWebToken token;
    private final SlackNotifierConfig.Auth auth;

    public ChatbotAccess(JsonWebToken token, SlackNotifierConfig config) {
        this.token = token;
        this.auth = config.auth();
    }

    public void require(String chatbotId) {
        Set<String> groups = token.getGroups();
        if (groups != null && groups.contains(auth.adminGroup())) {
            return;
        }
        Object claim = token.getClaim(auth.chatbotsClaim());
        boolean listed = claim instanceof JsonArray array
                ? array.stream().anyMatch(v -> names(v, chatbotId))
                : claim instanceof JsonValue value && names(value, chatbotId);
        if (!listed) {
            throw new ForbiddenException("this token does not manage chatbot " + chatbotId);
        }
    }

    private static boolean names(JsonValue value, String chatbotId) {
        return value instanceof JsonString s && s.getString().equals(chatbotId);
    }
}
