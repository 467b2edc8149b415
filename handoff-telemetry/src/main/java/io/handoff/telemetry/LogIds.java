package io.handoff.telemetry;

import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.directive.Directive;
import io.handoff.events.directive.EscalationConfirmed;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.NotifyCommand;
import org.jboss.logging.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of what a service is handling, in the logging MDC for as long as it handles it, so every
 * log line about a conversation or an escalation carries them (as fields of the JSON log in
 * production) even when its text does not name them.
 *
 * <pre>{@code
 * try (LogIds ids = LogIds.of(escalation)) {
 *     ... // every line logged here has chatbotId, conversationId and escalationId
 * }
 * }</pre>
 *
 * <p>Closing puts back what the keys held before, so scopes nest. Only ids go here, never text a
 * visitor or an agent wrote.
 */
public final class LogIds implements AutoCloseable {

    public static final String CHATBOT = "chatbotId";
    public static final String CONVERSATION = "conversationId";
    public static final String ESCALATION = "escalationId";

    /** The keys this scope set, with what they held before (null: nothing). */
    private final Map<String, Object> previous = new LinkedHashMap<>();

    private LogIds() {
    }

    /** Sets the ids that are not null; a null id leaves its key as it is. */
    public static LogIds of(String chatbotId, String conversationId, String escalationId) {
        LogIds ids = new LogIds();
        ids.put(CHATBOT, chatbotId);
        ids.put(CONVERSATION, conversationId);
        ids.put(ESCALATION, escalationId);
        return ids;
    }

    public static LogIds of(EscalationCreated escalation) {
        return of(escalation.chatbot().key(), escalation.conversation().key(), escalation.escalationId());
    }

    public static LogIds of(NotifyCommand command) {
        return of(command.escalation());
    }

    public static LogIds of(ConversationEvent event) {
        return of(event.chatbot().key(), event.conversation().key(), null);
    }

    /** The escalation id too, for the directives that name one. */
    public static LogIds of(Directive directive) {
        String escalationId = null;
        if (directive instanceof LivechatStarted started) {
            escalationId = started.escalationId();
        } else if (directive instanceof EscalationConfirmed confirmed) {
            escalationId = confirmed.escalationId();
        }
        return of(directive.chatbot().key(), directive.conversation().key(), escalationId);
    }

    private void put(String key, String value) {
        if (value != null) {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((key, before) -> {
            if (before == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, before);
            }
        });
        previous.clear();
    }
}
