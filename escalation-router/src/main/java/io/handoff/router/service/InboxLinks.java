package io.handoff.router.service;

import io.handoff.events.escalation.EscalationCreated;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The link that opens an escalated conversation in the agent console, put in every notification. */
@ApplicationScoped
public class InboxLinks {

    private final RouterConfig config;

    public InboxLinks(RouterConfig config) {
        this.config = config;
    }

    public String of(EscalationCreated escalation) {
        return config.inboxUrl()
                .replace("{chatbotId}", encode(escalation.chatbot().key()))
                .replace("{conversationId}", encode(escalation.conversation().key()))
                .replace("{visitorId}", escalation.visitor() == null ? "" : encode(escalation.visitor().id().value()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
