package io.handoff.email.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the escalation emails, in English; the other languages are in
 * {@code messages/msg_<language>.properties} and are checked against this interface at build time.
 * Templates use them as {@code {msg:heading}}, Java code through {@link EscalationEmailComposer}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface EmailMessages {

    /** The language tag of this bundle, for the HTML's {@code lang} (screen readers, hyphenation). */
    @Message("en")
    String htmlLang();

    @Message("{chatbot}: Visitor needs human assistance")
    String subject(String chatbot);

    @Message("A visitor wants to speak with your team")
    String heading();

    @Message("Still waiting for someone from your team")
    String reminderHeading();

    @Message("{visitor} has been waiting since {since} and nobody has answered yet.")
    String reminderIntro(String visitor, String since);

    @Message("The visitor asked to talk to a person")
    String reasonHumanRequest();

    @Message("The visitor seems frustrated")
    String reasonFrustration();

    @Message("The visitor asked the same question again")
    String reasonRepeatedQuestion();

    @Message("The conversation touches a topic your team handles itself")
    String reasonRestrictedTopic();

    @Message("The visitor used a keyword you watch for")
    String reasonKeyword();

    @Message("The AI was not confident in its answer")
    String reasonAiLowConfidence();

    @Message("The AI suggested that a person should take over")
    String reasonAiHandoffSuggested();

    @Message("The conversation went on for many messages")
    String reasonMessageCount();

    @Message("The conversation has gone unresolved for a while")
    String reasonNoResolutionTime();

    @Message("The conversation needs a person")
    String reasonOther();

    /** A reason followed by the words that triggered it, quoted the way the language quotes. */
    @Message("{reason} (\u201c{evidence}\u201d).")
    String reasonWithEvidence(String reason, String evidence);

    @Message("{reason}.")
    String reasonAlone(String reason);

    @Message("Their last message")
    String lastMessageLabel();

    @Message("Open the conversation")
    String openConversation();

    @Message("If the button does not work, paste this link into your browser:")
    String linkFallback();

    @Message("Visitor")
    String visitorLabel();

    @Message("A visitor")
    String unknownVisitor();

    @Message("The visitor was told to expect an answer within {#if minutes == 1}1 minute{#else}{minutes} minutes{/if}.")
    String expectedResponse(Integer minutes);

    @Message("Conversation so far (times in UTC)")
    String transcriptLabel();

    @Message("Visitor")
    String roleVisitor();

    @Message("AI")
    String roleAi();

    @Message("Agent")
    String roleAgent();

    @Message("Reply to this email to write to the visitor at {email}.")
    String replyHint(String email);

    @Message("Sent by Handoff because escalation emails are enabled for {chatbot}.")
    String footer(String chatbot);
}
