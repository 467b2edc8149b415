package io.handoff.events.settings;

import java.util.Locale;
import java.util.Map;

/**
 * The texts the visitor sees during a handoff, for one locale. Any text left null falls back to the
 * built-in text for that locale's language, then to English.
 *
 * <p>Placeholders: {@code {minutes}} in {@code confirmation} is the expected response time;
 * {@code {opening}} in {@code closedConfirmation} is when the team opens again, in the chatbot's time
 * zone; {@code {agent}} in {@code agentJoined} is the agent's name.
 */
public record VisitorTexts(String escalationOffer, String emailPlaceholder, String contactRequest,
                           String problemRequest, String confirmation, String closedConfirmation,
                           String agentJoined, String liveChatEnded) {

    public static final VisitorTexts ENGLISH = new VisitorTexts(
            "I can connect you with a member of our team. Would you like me to do that?",
            "you@example.com",
            "So that our team can get back to you, please leave your email address.",
            "Before I bring in a team member, could you describe the problem in a few sentences?",
            "I've notified our team. Someone will get back to you within {minutes} minutes.",
            "Our team is away right now. I've passed your message on, and they will get back to you once they are back: {opening}.",
            "{agent} from our team has joined the conversation.",
            "Live chat has ended. I'm here again if you need anything else.");

    private static final Map<String, VisitorTexts> BUILT_IN = Map.of(
            "en", ENGLISH,
            "de", new VisitorTexts(
                    "Ich kann Sie mit einer Person aus unserem Team verbinden. Möchten Sie das?",
                    "sie@beispiel.de",
                    "Damit sich unser Team bei Ihnen melden kann, hinterlassen Sie bitte Ihre E-Mail-Adresse.",
                    "Bevor ich jemanden aus dem Team hinzuziehe: Können Sie das Problem in ein paar Sätzen beschreiben?",
                    "Ich habe unser Team benachrichtigt. Jemand meldet sich innerhalb von {minutes} Minuten bei Ihnen.",
                    "Unser Team ist gerade nicht erreichbar. Ich habe Ihre Nachricht weitergegeben; wir melden uns, sobald wir wieder da sind: {opening}.",
                    "{agent} aus unserem Team ist dem Gespräch beigetreten.",
                    "Der Live-Chat ist beendet. Ich bin wieder für Sie da, wenn Sie noch etwas brauchen."),
            "es", new VisitorTexts(
                    "Puedo ponerle en contacto con una persona de nuestro equipo. ¿Quiere que lo haga?",
                    "usted@ejemplo.com",
                    "Para que nuestro equipo pueda responderle, deje su dirección de correo electrónico.",
                    "Antes de avisar a alguien del equipo, ¿podría describir el problema en pocas frases?",
                    "He avisado a nuestro equipo. Alguien le responderá en un plazo de {minutes} minutos.",
                    "Nuestro equipo no está disponible ahora. He pasado su mensaje y le responderemos en cuanto volvamos: {opening}.",
                    "{agent}, de nuestro equipo, se ha unido a la conversación.",
                    "El chat en vivo ha terminado. Sigo aquí si necesita algo más."),
            "fr", new VisitorTexts(
                    "Je peux vous mettre en relation avec un membre de notre équipe. Le souhaitez-vous ?",
                    "vous@exemple.fr",
                    "Pour que notre équipe puisse vous répondre, merci d'indiquer votre adresse e-mail.",
                    "Avant de faire appel à l'équipe, pourriez-vous décrire le problème en quelques phrases ?",
                    "J'ai prévenu notre équipe. Quelqu'un vous répondra dans les {minutes} minutes.",
                    "Notre équipe est absente pour le moment. J'ai transmis votre message ; nous vous répondrons dès notre retour : {opening}.",
                    "{agent}, de notre équipe, a rejoint la conversation.",
                    "Le chat en direct est terminé. Je reste là si vous avez besoin d'autre chose."),
            "pt", new VisitorTexts(
                    "Posso colocá-lo em contato com alguém da nossa equipe. Quer que eu faça isso?",
                    "voce@exemplo.com",
                    "Para que nossa equipe possa responder, deixe seu endereço de e-mail.",
                    "Antes de chamar alguém da equipe, pode descrever o problema em poucas frases?",
                    "Avisei nossa equipe. Alguém vai responder em até {minutes} minutos.",
                    "Nossa equipe não está disponível agora. Repassei sua mensagem e responderemos assim que voltarmos: {opening}.",
                    "{agent}, da nossa equipe, entrou na conversa.",
                    "O chat ao vivo terminou. Continuo aqui se precisar de mais alguma coisa."));

    /** The built-in texts for a language ({@code de}, {@code pt-BR} ...); English for any other. */
    public static VisitorTexts builtInFor(String locale) {
        String language = locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
        return BUILT_IN.getOrDefault(language, ENGLISH);
    }

    /** Each null text taken from {@code fallback}. */
    public VisitorTexts orElse(VisitorTexts fallback) {
        return new VisitorTexts(
                escalationOffer != null ? escalationOffer : fallback.escalationOffer(),
                emailPlaceholder != null ? emailPlaceholder : fallback.emailPlaceholder(),
                contactRequest != null ? contactRequest : fallback.contactRequest(),
                problemRequest != null ? problemRequest : fallback.problemRequest(),
                confirmation != null ? confirmation : fallback.confirmation(),
                closedConfirmation != null ? closedConfirmation : fallback.closedConfirmation(),
                agentJoined != null ? agentJoined : fallback.agentJoined(),
                liveChatEnded != null ? liveChatEnded : fallback.liveChatEnded());
    }
}
