package io.handoff.router.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "handoff.router")
public interface RouterConfig {

    /**
     * Where agents open a conversation; {@code {chatbotId}}, {@code {conversationId}} and
     * {@code {visitorId}} are replaced. Points at the live-chat gateway's console by default.
     */
    @WithDefault("http://localhost:8086/console/?chatbot={chatbotId}&conversation={conversationId}")
    String inboxUrl();
}
