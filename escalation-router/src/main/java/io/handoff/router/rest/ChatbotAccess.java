package io.handoff.router.rest;

import io.handoff.events.access.RoleGroups;
import io.handoff.events.access.TokenRoles;
import io.handoff.router.service.RouterConfig;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides what the caller's token may do with a chatbot: its administrators (and the global
 * administrator) change its settings; its agents may only read how its escalations went. Asked by every
 * endpoint that names a chatbot.
 */
@RequestScoped
public class ChatbotAccess {

    private final TokenRoles roles;

    public ChatbotAccess(JsonWebToken token, RouterConfig config) {
        RouterConfig.Auth auth = config.auth();
        this.roles = TokenRoles.of(token.getGroups(), token.getClaim(auth.chatbotsClaim()),
                new RoleGroups(auth.adminGroup(), auth.chatbotAdminGroup(), auth.agentGroup()));
    }

    /** Settings and anything else that changes how the chatbot escalates: its administrators only. */
    public void requireAdmin(String chatbotId) {
        if (!roles.administers(chatbotId)) {
            throw new ForbiddenException("this token does not administer chatbot " + chatbotId);
        }
    }

    /** Escalation tracking and statistics: its administrators and its agents. */
    public void requireReader(String chatbotId) {
        if (!roles.mayRead(chatbotId)) {
            throw new ForbiddenException("this token is neither an agent nor an administrator of chatbot " + chatbotId);
        }
    }
}
