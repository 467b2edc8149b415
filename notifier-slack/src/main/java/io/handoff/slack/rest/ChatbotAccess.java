package io.handoff.slack.rest;

import io.handoff.events.access.RoleGroups;
import io.handoff.events.access.TokenRoles;
import io.handoff.slack.config.SlackNotifierConfig;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The same rule as the settings API: connecting Slack changes where a chatbot's escalations go, so only
 * its administrators (and the global administrator) may; its agents may not.
 */
@RequestScoped
public class ChatbotAccess {

    private final TokenRoles roles;

    public ChatbotAccess(JsonWebToken token, SlackNotifierConfig config) {
        SlackNotifierConfig.Auth auth = config.auth();
        this.roles = TokenRoles.of(token.getGroups(), token.getClaim(auth.chatbotsClaim()),
                new RoleGroups(auth.adminGroup(), auth.chatbotAdminGroup(), auth.agentGroup()));
    }

    public void require(String chatbotId) {
        if (!roles.administers(chatbotId)) {
            throw new ForbiddenException("this token does not administer chatbot " + chatbotId);
        }
    }
}
