package io.handoff.events.json;

import io.handoff.events.Event;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.conversation.ConversationClosed;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.directive.AgentMessage;
import io.handoff.events.directive.ContactRequested;
import io.handoff.events.directive.Directive;
import io.handoff.events.directive.EscalationConfirmed;
import io.handoff.events.directive.EscalationOffered;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.directive.ProblemRequested;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.NotifyAlert;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.events.slack.SlackConnection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every event type: its Java record and its JSON Schema under {@code /schemas/<type>.schema.json}. */
public final class EventCatalog {

    private static final Map<String, Class<? extends Event>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(MessageCreated.TYPE, MessageCreated.class);
        TYPES.put(EscalationAccepted.TYPE, EscalationAccepted.class);
        TYPES.put(EscalationDeclined.TYPE, EscalationDeclined.class);
        TYPES.put(VisitorIdentified.TYPE, VisitorIdentified.class);
        TYPES.put(ConversationClosed.TYPE, ConversationClosed.class);
        TYPES.put(EscalationCreated.TYPE, EscalationCreated.class);
        TYPES.put(EscalationOffered.TYPE, EscalationOffered.class);
        TYPES.put(ContactRequested.TYPE, ContactRequested.class);
        TYPES.put(ProblemRequested.TYPE, ProblemRequested.class);
        TYPES.put(EscalationConfirmed.TYPE, EscalationConfirmed.class);
        TYPES.put(LivechatStarted.TYPE, LivechatStarted.class);
        TYPES.put(AgentMessage.TYPE, AgentMessage.class);
        TYPES.put(LivechatEnded.TYPE, LivechatEnded.class);
        TYPES.put(NotifyEmail.TYPE, NotifyEmail.class);
        TYPES.put(NotifySlack.TYPE, NotifySlack.class);
        TYPES.put(NotifyWebhook.TYPE, NotifyWebhook.class);
        TYPES.put(NotifyAlert.TYPE, NotifyAlert.class);
        TYPES.put(DeliveryResult.TYPE, DeliveryResult.class);
        TYPES.put(ChatbotSettingsSnapshot.TYPE, ChatbotSettingsSnapshot.class);
        TYPES.put(AgentReply.TYPE, AgentReply.class);
        TYPES.put(SlackConnection.TYPE, SlackConnection.class);
    }

    /** The types the upstream chat service may produce on {@code chat.conversation-events}. */
    public static final Class<ConversationEvent> CONVERSATION_EVENTS = ConversationEvent.class;

    /** The types that may appear on {@code handoff.directives}. */
    public static final Class<Directive> DIRECTIVES = Directive.class;

    private EventCatalog() {
    }

    public static Set<String> types() {
        return TYPES.keySet();
    }

    public static Optional<Class<? extends Event>> classOf(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    public static String schemaResource(String type) {
        return "/schemas/" + type + ".schema.json";
    }
}
