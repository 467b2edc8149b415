package io.handoff.email.alert;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the alert emails to a chatbot's admin contacts, in English; the other languages are in
 * {@code messages/alert_<language>.properties}. Templates use them as {@code {alert:heading...}}.
 */
@MessageBundle(value = "alert", locale = "en")
public interface AlertMessages {

    @Message("en")
    String htmlLang();

    @Message("{chatbot}: your webhook endpoint keeps failing")
    String subjectFailing(String chatbot);

    @Message("{chatbot}: webhooks were switched off")
    String subjectDisabled(String chatbot);

    @Message("Your webhook endpoint keeps failing")
    String headingFailing();

    @Message("Webhooks were switched off")
    String headingDisabled();

    @Message("Handoff could not deliver a webhook to {url} at any attempt of its retry schedule. New escalations are "
            + "still sent there; failed deliveries can be replayed once the endpoint answers again.")
    String introFailing(String url);

    @Message("The endpoint {url} answered 410 Gone, which asks senders to stop. Handoff switched webhooks off for "
            + "this chatbot; turn them on again in its settings once the endpoint is back.")
    String introDisabled(String url);

    @Message("Last failure")
    String lastFailureLabel();

    @Message("Since (UTC)")
    String sinceLabel();

    @Message("Sent by Handoff to the admin contacts of {chatbot}.")
    String footer(String chatbot);
}
