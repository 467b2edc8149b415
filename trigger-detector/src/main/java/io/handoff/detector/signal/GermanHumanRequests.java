package io.handoff.detector.signal;

import java.util.List;

/**
 * German ways of asking for a person ("ich möchte mit einem Mitarbeiter sprechen", "verbinden Sie
 * mich mit einem Menschen", "ich brauche einen echten Menschen"). The verb usually comes last, so the
 * main pattern looks for "mit/zu + person" followed within a few words by a verb of talking.
 */
final class GermanHumanRequests {

    private static final String ARTICLE = "(?:einem|einer|einen|dem|der|den|ihrem|ihrer|ihren|eurem|eurer|euren|meinem"
            + "|meiner)";
    private static final String ADJECTIVE = "(?:echten|echte|echter|richtigen|richtige|richtiger|realen|reale"
            + "|menschlichen|menschliche|lebenden|zustandigen|zustandige)";
    private static final String NOUN = "(?:mensch|menschen|person|personen|mitarbeiter|mitarbeiterin|mitarbeitern"
            + "|berater|beraterin|kundenberater|kundenberaterin|kundendienst|kundenservice|kundensupport|support"
            + "|supportmitarbeiter|agent|agenten|ansprechpartner|ansprechpartnerin|operator|vorgesetzten|vorgesetzte"
            + "|supervisor|servicemitarbeiter|servicemitarbeiterin|techniker|verantwortlichen)";
    private static final String PERSON = "(?:(?:" + ARTICLE + " )?(?:" + ADJECTIVE + " )?" + NOUN
            + "|jemandem|jemanden|jemand)(?: (?:aus|vom|von|des) \\w+)?";
    private static final String WANTED = "(?:mensch|menschen|person|mitarbeiter|mitarbeiterin|berater|beraterin"
            + "|ansprechpartner|ansprechpartnerin|kundenberater|kundenberaterin|jemanden|jemand|vorgesetzten"
            + "|vorgesetzte|chef|teamleiter|teamleiterin|verantwortlichen|supervisor|agenten)";

    static final List<RequestPattern> PATTERNS = List.of(
            RequestPattern.of("\\b(?:mit|zu|an) " + PERSON + "(?: \\w+){0,3}? (?:sprechen|reden|chatten|telefonieren"
                    + "|klaren|besprechen|bereden|losen|eskalieren|schreiben|verbunden|verbinden|weitergeleitet"
                    + "|weiterleiten|durchgestellt|durchstellen|kontakt aufnehmen|in kontakt)\\b", 0.95),
            RequestPattern.of("\\b(?:sprechen|reden|chatten|verbinden sie mich|verbinde mich|verbindet mich"
                    + "|stellen sie mich|stell mich|leiten sie mich|leite mich)(?: bitte)?(?: jetzt)? (?:mit|zu"
                    + "|an) " + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:brauche|benotige|mochte|will|wunsche|verlange|suche|hatte gern"
                    + "|hatte gerne)(?: bitte| gerne| gern| jetzt| sofort)? (?:(?:einen|eine|einem|ein|den"
                    + "|die) )?(?:" + ADJECTIVE + " )?"
                    + WANTED + "\\b", 0.9),
            RequestPattern.of("\\b(?:(?:einen|eine|den|die|ihren"
                    + "|ihre) (?:" + ADJECTIVE + " )?" + WANTED + "|jemanden)(?: \\w+){0,2}? (?:sprechen|erreichen"
                    + "|kontaktieren|anrufen|ans telefon|dazuholen|hinzuziehen|einschalten)\\b", 0.9),
            RequestPattern.of("\\b(?:jemand|ein mensch|ein mitarbeiter|eine mitarbeiterin|ein berater)(?: (?:vom|von"
                    + "|aus dem|aus der) \\w+)? (?:\\w+ )?(?:ubernehmen|einspringen|sich melden"
                    + "|sich das ansehen)\\b", 0.85),
            RequestPattern.of("\\b(?:mich|uns) (?:\\w+ ){0,2}?(?:ein mensch|ein mitarbeiter|eine mitarbeiterin"
                    + "|ein berater|eine beraterin|jemand)(?: \\w+)? (?:anrufen|zuruckrufen|kontaktieren"
                    + "|melden)\\b", 0.85),
            RequestPattern.of("\\bhilfe (?:von|durch) " + PERSON + "\\b", 0.85),
            RequestPattern.of("\\b(?:verbinden sie mich|verbinde mich|stellen sie mich|stell mich|leiten sie mich"
                    + "|leite mich) (?:bitte )?(?:jetzt )?(?:weiter|durch)\\b|\\bmit wem (?:kann|konnte"
                    + "|soll) ich (?:sprechen|reden)\\b", 0.85),
            RequestPattern.of("\\bist (?:ein|eine|einer|irgendein|irgendeine) (?:" + ADJECTIVE + " )?(?:mensch|person"
                    + "|mitarbeiter|mitarbeiterin|berater|beraterin|agent|ansprechpartner"
                    + "|ansprechpartnerin) (?:\\w+ )?(?:verfugbar|erreichbar|da|online|frei)\\b", 0.85),
            RequestPattern.of("\\b(?:verbindung|kontakt|gesprach|chat) (?:zu|mit) " + PERSON + "\\b", 0.85),
            RequestPattern.of("\\b(?:echten|echter|richtigen|richtiger|realen|lebenden) (?:menschen|mensch|mitarbeiter"
                    + "|mitarbeiterin|person|ansprechpartner|berater)\\b", 0.9),
            RequestPattern.of("\\b(?:gibt es|ist da|ist hier|ist jemand|gibt s)(?: auch| hier| da| denn"
                    + "| bei ihnen)* (?:einen |eine |ein |irgend)?(?:jemand|jemanden|menschen|mensch|mitarbeiter"
                    + "|mitarbeiterin|person|berater|ansprechpartner|da)\\b", 0.9),
            RequestPattern.of("\\b(?:jemand|ein mitarbeiter|eine mitarbeiterin|ein berater)(?: kann| konnte| soll"
                    + "| sollte)?(?: mich| uns)? (?:\\w+ )?(?:anrufen|zuruckrufen|kontaktieren|zuruckschreiben"
                    + "|melden)\\b|\\b(?:rufen sie mich|ruft mich|ruf mich) (?:\\w+ )?(?:an|zuruck)\\b"
                    + "|\\bruckruf\\b", 0.85),
            RequestPattern.of("^(?:bitte )?(?:einen |ein |eine )?(?:echten |echte )?(?:mensch|menschen|mitarbeiter"
                    + "|mitarbeiterin|berater|beraterin|ansprechpartner|ansprechpartnerin|kundendienst|kundenservice"
                    + "|person|vorgesetzten)(?: bitte| jetzt| sofort)*$", 0.85),
            RequestPattern.of("\\b(?:zuruckgerufen|angerufen|kontaktiert) (?:zu )?werden\\b|\\bist (?:jemand|ein mensch"
                    + "|ein mitarbeiter|eine mitarbeiterin)(?: (?:vom|von|aus dem|aus der) \\w+)? (?:da|online"
                    + "|erreichbar|verfugbar|hier)\\b|\\b(?:holen sie|hol|holt) (?:mir |uns )?(?:jemanden|(?:einen"
                    + "|eine) (?:mitarbeiter|mitarbeiterin|menschen|berater|beraterin|vorgesetzten|chef))\\b", 0.85),
            RequestPattern.of("\\b(?:personliche|personlichen|personlicher|menschliche|menschlichen"
                    + "|menschlicher) (?:beratung|kontakt|ansprechpartner|hilfe|unterstutzung|betreuung"
                    + "|support)\\b", 0.85),
            RequestPattern.withOwnNegation("\\b(?:keinen|nicht mehr mit|nicht mit)(?: (?:einem|dem|diesem"
                    + "|ihrem))? (?:bot|roboter|chatbot|maschine|computer|automaten|ki)\\b(?: \\w+){0,3}?(?: sprechen"
                    + "| reden| chatten| schreiben)?", 0.75));

    private GermanHumanRequests() {
    }
}
