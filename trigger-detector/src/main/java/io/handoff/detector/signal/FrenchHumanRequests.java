package io.handoff.detector.signal;

import java.util.List;

/**
 * French ways of asking for a person ("je veux parler à un humain", "mettez-moi en relation avec un
 * conseiller", "y a-t-il quelqu'un ?"). "Personne" also means "nobody", so it only counts as a person
 * after an article ("une personne", "une vraie personne"), never bare ("il n'y a personne").
 */
final class FrenchHumanRequests {

    private static final String ARTICLE = "(?:un|une|le|la|l|des|votre|vos|un autre|une autre|mon|ma)";
    private static final String NOUN = "(?:etre humain|humain|humaine|conseiller|conseillere|agent|operateur|operatrice"
            + "|representant|representante|responsable|technicien|technicienne|employe|employee|service client|support"
            + "|interlocuteur|interlocutrice|gestionnaire|superviseur|personne|personnes)";
    private static final String BARE = "(?:humain|humains|conseiller|conseillere|conseillers|agent|operateur"
            + "|service client|support|etre humain)";
    private static final String PERSON = "(?:" + ARTICLE + " (?:(?:vrai|vraie|veritable) )?" + NOUN + "|" + BARE
            + "|quelqu un)(?: (?:humain|humaine|reel|reelle|physique|en chair et en os|de reel|de vrai|d humain"
            + "|du support|du service client))?";

    static final List<RequestPattern> PATTERNS = List.of(
            RequestPattern.of("\\b(?:parler|parle|discuter|echanger|communiquer|converser|causer"
                    + "|dialoguer)(?: directement| maintenant| vite| de vive voix| au telephone| en direct)? (?:a|avec"
                    + "|au|aux) "
                    + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:mettre|mettez|mets|passer|passez|passe|transferer|transferez|transfere|rediriger"
                    + "|redirigez|redirige|orienter|orientez|connecter|connectez)(?: moi| nous)?(?: en (?:relation"
                    + "|contact|communication))?(?: avec| a| au| vers)? " + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:veux|voudrais|voudrai|souhaite|souhaiterais|aimerais|prefere|prefererais|exige"
                    + "|demande|besoin d|besoin de|cherche)(?: parler (?:a|avec)| contacter| joindre| avoir| appeler"
                    + "| etre (?:mis|mise|mises|mis) en (?:relation|contact) avec| etre (?:contacte|contactee|rappele"
                    + "|rappelee|appele|appelee|recontacte|recontactee) par| etre (?:transfere|transferee|redirige"
                    + "|redirigee) (?:vers|a))? " + PERSON + "\\b", 0.9),
            RequestPattern.of("\\b(?:contacter|joindre|recontacter) " + PERSON + "\\b", 0.85),
            RequestPattern.of("\\b(?:demander|demandez|demande) a " + PERSON + " de me\\b"
                    + "|\\b(?:" + PERSON + ") (?:prenne|prend|peut prendre|pourrait prendre"
                    + "|puisse prendre) (?:le relais|la main|en charge)\\b|\\b(?:regler|traiter|voir|remonter) (?:ca"
                    + "|cela|ce probleme|mon probleme|mon dossier) (?:avec|a) "
                    + PERSON + "\\b", 0.85),
            RequestPattern.of("\\b(?:un conseiller|une conseillere|un agent|quelqu un|une personne|un humain"
                    + "|un operateur) (?:peut|pourrait|peut il|pourrait il|peut elle|pourrait elle|peut t il"
                    + "|pourrait t il) (?:me|m) (?:rappeler|appeler|contacter|aider|repondre|recontacter)\\b"
                    + "|\\ba qui (?:puis je|je peux|pourrais je|dois je) (?:parler|m adresser)\\b", 0.85),
            RequestPattern.of("\\b(?:peux|puis|pourrais|pourrait|pouvez|peut|pourriez|pourrions)(?: je| j| on"
                    + "| nous)? (?:avoir|parler a|parler avec|joindre|contacter|appeler|etre mis en relation avec"
                    + "|etre mise en relation avec) " + PERSON + "\\b", 0.9),
            RequestPattern.of("\\b(?:avoir|joindre|appeler) " + PERSON + " (?:au telephone|en ligne|au bout du fil"
                    + "|en direct)\\b", 0.9),
            RequestPattern.of("\\b(?:il y a|y a t il|y a|ya t il|ya|est ce qu il y a) (?:quelqu un|un humain"
                    + "|une personne|un conseiller|un agent|une vraie personne|un vrai humain)\\b", 0.9),
            RequestPattern.of("\\baide (?:humaine|de quelqu un|d un etre humain|(?:d un|d une)(?: vrai"
                    + "| vraie)? (?:humain|conseiller|conseillere|agent|personne|operateur|operatrice|employe"
                    + "|employee))\\b", 0.85),
            RequestPattern.of("\\b(?:une vraie personne|un vrai humain|une personne reelle|un etre humain"
                    + "|une personne physique|un vrai conseiller|un vrai agent)\\b", 0.9),
            RequestPattern.of("\\b(?:quelqu un|un conseiller|un agent)(?: peut| pourrait| pour)?(?: me"
                    + "| nous) (?:rappeler|appeler|contacter|recontacter|joindre|ecrire|repondre|aider|rappelle|appelle"
                    + "|contacte|recontacte|ecrive|reponde|aide)\\b|\\b(?:rappelez|appelez|contactez"
                    + "|recontactez) moi\\b|\\betre rappelee?\\b", 0.85),
            RequestPattern.of("\\b(?:quelqu un|un conseiller|une conseillere|un agent|un humain|une personne)(?: peut"
                    + "| pourrait| pour)? m (?:aider|appeler|rappeler|contacter|repondre|ecrire)\\b", 0.85),
            RequestPattern.withOwnNegation("\\b(?:(?:pas|plus) (?:parler|discuter|communiquer)|(?:marre|assez|fatigue"
                    + "|fatiguee) (?:de|d)(?: parler| discuter)?)(?: a| avec)? (?:un|une|ce|cette|le|la|votre|ton|des"
                    + "|vos|les) (?:robot|robots|bot|bots|chatbot|machine|ia|repondeur|assistant virtuel)\\b", 0.75),
            RequestPattern.of("^(?:s il vous plait |svp )?(?:un |une |le )?(?:humain|conseiller|conseillere|agent"
                    + "|operateur|operatrice|responsable|vrai humain|etre humain|service client"
                    + "|vraie personne)(?: s il vous plait| svp| maintenant)*$", 0.85),
            RequestPattern.of("\\b(?:appelez|appelle|appeler|faites venir|allez chercher|passez moi) (?:un|une|le|la"
                    + "|votre) (?:conseiller|conseillere|responsable|superviseur|humain|agent|operateur)\\b", 0.85));

    private FrenchHumanRequests() {
    }
}
