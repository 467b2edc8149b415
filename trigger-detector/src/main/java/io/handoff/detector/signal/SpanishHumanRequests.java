package io.handoff.detector.signal;

import java.util.List;

/**
 * Spanish ways of asking for a person ("quiero hablar con una persona", "¿hay alguien con quien pueda
 * hablar?", "páseme con un asesor"), over text whose accents the normaliser has removed.
 */
final class SpanishHumanRequests {

    private static final String DET = "(?:(?:un|una|el|la|algun|alguna|otro|otra|su|tu|sus) )?";
    private static final String PERSON = "(?:persona|personas|humano|humana|humanos|ser humano|agente|agentes|asesor"
            + "|asesora|asesores|representante|representantes|operador|operadora|operadores|alguien|encargado|encargada"
            + "|supervisor|supervisora|gerente|ejecutivo|ejecutiva|empleado|empleada|especialista|tecnico|soporte"
            + "|atencion al cliente|servicio al cliente|responsable|jefe|jefa)";
    private static final String ONE = "(?:persona|humano|humana|agente|asesor|asesora|representante|operador|operadora"
            + "|alguien|ser humano|encargado|encargada|supervisor|gerente|ejecutivo|ejecutiva|especialista"
            + "|servicio al cliente|atencion al cliente|responsable|jefe|jefa)";

    static final List<RequestPattern> PATTERNS = List.of(
            RequestPattern.of("\\b(?:hablar|hable|hablo|conversar|charlar|chatear|comunicarme|comunicarnos|contactar"
                    + "|contactarme|contacto|atender|atendido|atendida)(?: directamente| ahora| ya)? (?:con|a|por) "
                    + DET + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:pasame|paseme|pasenme|transfiereme|transfierame|comunicame|comuniqueme|conectame"
                    + "|conecteme|ponme|pongame|derivame|deriveme|transferirme|pasarme|conectarme|ponerme|ponernos"
                    + "|pasarnos|derivarme)(?: en contacto| en comunicacion)?(?: con"
                    + "| a)? " + DET + PERSON + "\\b", 0.95),
            RequestPattern.of("\\bme (?:pasas|pasa|pasan|pasen|pase|pone|pones|ponen|ponga|pongan|transfieran"
                    + "|comuniquen|conecten|deriven|puedes pasar|puede pasar|transfieres|transfiere|comunicas|comunica"
                    + "|conectas|conecta|derivas|deriva) (?:con|a) " + DET + PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:quiero|necesito|quisiera|prefiero|pido|exijo|requiero|deseo|busco"
                    + "|me gustaria)(?: hablar con| que me atienda| que me llame| que me atiendan| que me llamen"
                    + "| que me atendiera| que me llamara| ser atendido por| ser atendida por| contactar (?:a"
                    + "|con))?(?: a)? " + DET + ONE + "\\b", 0.9),
            RequestPattern.of("\\b(?:llama|llame|llamar|llamen|busca|busque|buscar|traiga|traeme|traigame) (?:a )?(?:un"
                    + "|una|el|la|algun|alguna)? ?(?:agente|asesor|asesora|supervisor|supervisora|encargado|encargada"
                    + "|humano|persona real|responsable)\\b", 0.85),
            RequestPattern.of("\\b(?:escalar|escala|escalen|escale|elevar|eleva|elevad) (?:esto |este caso |mi caso "
                    + "|el caso |mi problema )?(?:a|con|hacia) " + DET + PERSON + "\\b|\\b(?:resolver|tratar|ver"
                    + "|hablar) (?:esto|este tema|mi caso|el problema|mi problema) con " + DET + PERSON + "\\b", 0.85),
            RequestPattern.of("\\bcon quien (?:puedo|podria|debo|tengo que|se puede) (?:hablar|comunicarme"
                    + "|chatear)\\b", 0.85),
            RequestPattern.of("\\b(?:persona|humano|agente|asesor|operador|representante) (?:real|de verdad"
                    + "|de carne y hueso|humano)\\b|\\bser humano\\b|\\bayuda (?:de|con) (?:una? )?(?:persona|humano"
                    + "|agente|asesor)\\b", 0.9),
            RequestPattern.of("\\bhay (?:alguien|algun humano|alguna persona|una persona|un humano|un agente"
                    + "|algun agente|un asesor|algun asesor)\\b", 0.9),
            RequestPattern.of("\\b(?:alguien|alguna persona|algun agente|algun humano|algun asesor) (?:con quien"
                    + "|para hablar|que me (?:pueda )?(?:ayudar|atender|ayude|atienda)|disponible|ahi|alli"
                    + "|real)\\b", 0.9),
            RequestPattern.of("\\b(?:alguien|un agente|una persona|un asesor)(?: (?:del|de la"
                    + "|de) \\w+)?(?: me)? (?:puede |podria |pueda |puedes )?(?:me )?(?:llame|llamar|llamarme|contacte"
                    + "|contactar|contactarme|atienda|atender|atenderme|escriba|escribirme|ayudar|ayudarme|ayude)\\b"
                    + "|\\bque me llamen\\b|\\bllamenme\\b|\\bllamadme\\b", 0.8),
            RequestPattern.of("\\bme (?:puedes|puede|pueden|podrias|podria|podrian) (?:pasar|transferir|comunicar"
                    + "|conectar|derivar|poner en contacto|poner) (?:con|a) " + DET + PERSON + "\\b", 0.95),
            RequestPattern.of("\\bme (?:atienda|atiende|ayude|llame|contacte|puede atender|podria atender|puede ayudar"
                    + "|podria ayudar|puede llamar|podria llamar) " + DET + ONE + "\\b", 0.85),
            RequestPattern.of("^(?:por favor )?(?:un |una )?(?:humano|agente|persona|asesor|operador"
                    + "|representante)(?: por favor| ya| ahora)*$", 0.85),
            RequestPattern.of("\\b(?:puede|podria|pueden|podrian|podra) (?:atenderme|ayudarme|llamarme|contactarme"
                    + "|responderme) (?:alguien|una persona|un agente|un asesor|un humano|un operador)\\b", 0.85),
            RequestPattern.of("\\batencion (?:humana|personal|personalizada|de una persona)\\b|\\b(?:puedo|podria"
                    + "|pueden|podrian|puede) (?:hablar|comunicarme|contactar|chatear) (?:con|a) "
                    + DET + PERSON + "\\b", 0.9),
            RequestPattern.withOwnNegation("\\b(?:no quiero|no deseo|harto de|harta de|cansado de|cansada de|basta de"
                    + "|nada de)(?: hablar con| hablando con| seguir hablando con| chatear con)? (?:un|una|el|la|este"
                    + "|esta|ese|esa|su|tu) (?:bot|robot|maquina|chatbot|ia|contestador|asistente virtual)\\b", 0.75));

    private SpanishHumanRequests() {
    }
}
