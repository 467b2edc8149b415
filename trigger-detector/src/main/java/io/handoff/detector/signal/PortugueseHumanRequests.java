package io.handoff.detector.signal;

import java.util.List;

/**
 * Portuguese ways of asking for a person ("quero falar com alguém", "preciso de um atendente",
 * "me passa para um humano", "tem alguém aí?").
 */
final class PortugueseHumanRequests {

    private static final String ARTICLE = "(?:um|uma|o|a|algum|alguma|seu|sua|outro|outra|o seu|a sua)";
    private static final String NOUN = "(?:pessoa|humano|humana|ser humano|atendente|agente|representante|operador"
            + "|operadora|consultor|consultora|especialista|gerente|supervisor|supervisora|funcionario|funcionaria"
            + "|suporte|tecnico|analista|atendimento|alguem|responsavel|encarregado|encarregada|chefe|coordenador"
            + "|coordenadora)";
    private static final String PERSON = "(?:(?:" + ARTICLE + " )?" + NOUN + "|pessoas|humanos|atendentes"
            + "|agentes)(?: (?:de verdade|real|humano|humana|do suporte|do atendimento|da equipe|de carne e osso))?";

    static final List<RequestPattern> PATTERNS = List.of(
            RequestPattern.of("\\b(?:falar|fale|falo|conversar|converse|papear|bater papo|comunicar|contatar|chat|ligar"
                    + "|entrar em contato|entrar em contacto|contato)(?: diretamente| agora| ja)? (?:com|para|pra|a"
                    + "|ao) "
                    + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:transfere|transfira|transferir|passa|passe|passar|encaminha|encaminhe|encaminhar"
                    + "|conecta|conecte|conectar|coloca|coloque|colocar|bota|bote|poe|ponha)(?: me)?(?: com| para| pra"
                    + "| a| ao| em contato com| em contacto com)? "
                    + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:quero|queria|preciso|gostaria|prefiro|exijo|necessito|solicito"
                    + "|peco)(?: de)?(?: falar com| ser atendido por| ser atendida por| ser (?:transferido|transferida"
                    + "|encaminhado|encaminhada|passado|passada) (?:para|pra|a|ao)| contato com| atendimento (?:com"
                    + "|de))? "
                    + PERSON + "\\b", 0.9),
            RequestPattern.of("\\b(?:resolver|tratar|ver|conversar sobre) (?:isso|isto|esse assunto|o problema"
                    + "|meu problema|o caso|meu caso) com " + PERSON + "\\b|\\bescalar (?:isso |isto |o caso "
                    + "|meu caso )?(?:para|pra|a|ao) "
                    + PERSON + "\\b", 0.85),
            RequestPattern.of("\\b(?:chama|chame|chamar|chamem|traga|traz) (?:um |uma |o |a |algum "
                    + "|alguma )?(?:atendente|humano|pessoa|gerente|supervisor|supervisora|responsavel"
                    + "|alguem)\\b", 0.85),
            RequestPattern.of("\\b(?:tem|ha|existe)(?: algum| alguma| um| uma)? (?:atendente|pessoa|humano|agente"
                    + "|operador)(?: \\w+)? (?:disponivel|online|ai|agora|para falar|pra falar)\\b|\\bcom quem (?:posso"
                    + "|devo|consigo) (?:falar|conversar)\\b", 0.85),
            RequestPattern.of("\\b(?:tem|ha|existe) (?:alguem|algum atendente|alguma pessoa|algum humano|um atendente"
                    + "|uma pessoa|um humano|algum agente)\\b", 0.9),
            RequestPattern.of("\\b(?:pessoa|humano|atendente|agente) (?:de verdade|real|de carne e osso)\\b"
                    + "|\\bser humano\\b|\\batendimento humano\\b|\\batendente humano\\b|\\bajuda (?:de|com|da"
                    + "|do) (?:um |uma )?(?:pessoa|humano|atendente|agente|alguem)\\b", 0.9),
            RequestPattern.of("\\b(?:alguem|um atendente|uma pessoa)(?: pode| poderia| podia)?(?: me)? (?:ligar|ligue"
                    + "|liga|retornar|retorne|contatar|contate|atender|atenda|responder|ajudar|ligasse|ligassem"
                    + "|retornasse|atendesse|contatasse)\\b|\\bme (?:liguem|ligue|liga|retornem|retorne)\\b", 0.8),
            RequestPattern.of("^(?:por favor )?(?:um |uma )?(?:humano|atendente|pessoa|agente|operador)(?: por favor"
                    + "| agora| ja)*$", 0.85),
            RequestPattern.of("\\b(?:posso|poderia|pode|podem|consigo) (?:falar|conversar|ser atendido|ser atendida"
                    + "|entrar em contato) (?:com|por|pra|para) " + PERSON + "\\b", 0.9),
            RequestPattern.withOwnNegation("\\b(?:nao quero|chega de|cansei de|cansado de|cansada de"
                    + "|nada de)(?: falar com| conversar com| continuar falando com)? (?:um|uma|o|a|este|esse|esta|essa"
                    + "|seu) (?:robo|bot|chatbot|maquina|ia|assistente virtual)\\b", 0.75));

    private PortugueseHumanRequests() {
    }
}
