package io.handoff.detector.signal;

import java.util.List;

import static io.handoff.detector.signal.FrustrationCue.MEDIUM;
import static io.handoff.detector.signal.FrustrationCue.STRONG;
import static io.handoff.detector.signal.FrustrationCue.WEAK;

/**
 * The basic frustration phrases in Spanish, French, German and Portuguese: "you don't understand",
 * "it doesn't help", "this doesn't work", "I already told you", "it makes no sense", "I give up",
 * "a waste of time", "I'm fed up". As in English, "does not work" needs a deictic subject ("esto no
 * funciona", "ça ne marche pas"), since "mi tarjeta no funciona" is a support question.
 */
final class ForeignFrustrationPhrases {

    static final List<FrustrationCue> CUES = List.of(
            // Spanish
            FrustrationCue.of("\\bno (?:me )?(?:estas |esta |estan )?(?:me )?(?:entiendes|entiende|entienden|comprendes"
                    + "|comprende|ayuda|ayudas|ayudan|sirve|sirves|sirven|ayudando|entendiendo)\\b", STRONG),
            FrustrationCue.of("\\b(?:esto|eso|nada) no funciona\\b|\\bnada funciona\\b|\\bsigue sin funcionar\\b", STRONG),
            FrustrationCue.of("\\bno tiene (?:ningun )?sentido\\b", STRONG),
            FrustrationCue.of("\\bya (?:te |se |lo |le )*(?:dije|he dicho|explique|pregunte|escribi)\\b", STRONG),
            FrustrationCue.of("\\bme rindo\\b|\\bperdida de tiempo\\b|\\botra vez lo mismo\\b|\\blo mismo otra vez\\b"
                    + "|\\bla misma respuesta\\b|\\bque (?:horror|desastre|verguenza)\\b", STRONG),
            FrustrationCue.of("\\b(?:estoy|me tienes|me tiene) (?:muy |tan |bastante |ya )?(?:harto|harta|enojado|enojada"
                    + "|molesto|molesta|frustrado|frustrada|cansado|cansada|furioso|furiosa)\\b", STRONG),
            FrustrationCue.of("\\botra vez\\b", 0.25),
            // French
            FrustrationCue.of("\\b(?:vous|tu) (?:ne |n )?(?:me )?(?:comprenez|comprends|m aidez|m aides|aidez|aides"
                    + "|repondez|reponds|ecoutez|ecoutes) (?:pas|rien|jamais)\\b", STRONG),
            FrustrationCue.of("\\b(?:ca|cela|ce|c|rien) (?:ne |n )?(?:m |nous )?(?:aide|sert|marche|fonctionne|va)"
                    + " (?:pas|a rien|rien|jamais|du tout)\\b", STRONG),
            FrustrationCue.of("\\bc est (?:vraiment |tellement |trop |completement |franchement |toujours )?(?:nul|nulle"
                    + "|inutile|ridicule|n importe quoi|penible|lamentable|frustrant|enervant|agacant|absurde"
                    + "|une blague|une honte|pas possible|insupportable|horrible|pas normal)\\b", STRONG),
            FrustrationCue.of("\\bj en ai (?:vraiment |franchement )?marre\\b|\\bras le bol\\b|\\bn importe quoi\\b"
                    + "|\\bperte de temps\\b|\\bj abandonne\\b|\\bn a (?:aucun|pas de) sens\\b", STRONG),
            FrustrationCue.of("\\b(?:deja|plusieurs fois) (?:dit|explique|ecrit|demande|repondu)\\b", STRONG),
            FrustrationCue.of("\\bje suis (?:tres |vraiment |tellement |super )?(?:enerve|enervee|agace|agacee|frustre"
                    + "|frustree|furieux|furieuse|decu|decue|en colere)\\b", STRONG),
            FrustrationCue.of("\\bencore\\b", 0.25),
            // German
            FrustrationCue.of("\\b(?:hilft|hilfst|helfen) (?:mir |uns )?(?:\\w+ ){0,2}?(?:nicht|nichts|kein bisschen)\\b"
                    + "|\\bbringt (?:\\w+ )?nichts\\b", STRONG),
            FrustrationCue.of("\\b(?:sie|du|ihr) (?:verstehen|verstehst|versteht) (?:mich )?(?:\\w+ )?nicht\\b", STRONG),
            FrustrationCue.of("\\b(?:das|es) funktioniert(?: immer noch| schon wieder| einfach| uberhaupt| gar)? nicht\\b"
                    + "|\\bnichts funktioniert\\b|\\bfunktioniert (?:immer noch|uberhaupt|gar|schon wieder) nicht\\b", STRONG),
            FrustrationCue.of("\\b(?:ergibt|macht) (?:keinen|null|gar keinen) sinn\\b|\\bich gebe auf\\b"
                    + "|\\bzeitverschwendung\\b", STRONG),
            FrustrationCue.of("\\b(?:schon|bereits|mehrmals|zweimal|oft genug) (?:\\w+ )?(?:gesagt|geschrieben|erklart"
                    + "|gefragt)\\b", STRONG),
            FrustrationCue.of("\\bich bin (?:so |wirklich |echt |total |sehr |langsam )?(?:genervt|frustriert|sauer"
                    + "|wutend|verargert|enttauscht)\\b", STRONG),
            FrustrationCue.of("\\bimmer (?:wieder )?(?:das gleiche|dasselbe|die gleiche antwort|die selbe antwort)\\b", MEDIUM),
            FrustrationCue.of("\\bschon wieder\\b", 0.4),
            // Portuguese
            FrustrationCue.of("\\bnao (?:esta |estas |ta )?(?:me )?(?:ajuda|ajudou|ajudam|ajudando|serve|entende|entendeu"
                    + "|entendem|entendendo|compreende|compreendendo)\\b", STRONG),
            FrustrationCue.of("\\b(?:isso|isto|nada) (?:ainda )?nao funciona\\b|\\bnada funciona\\b"
                    + "|\\bcontinua (?:sem funcionar|nao funcionando)\\b", STRONG),
            FrustrationCue.of("\\bnao faz (?:nenhum )?sentido\\b|\\bdesisto\\b|\\bperda de tempo\\b|\\bsaco cheio\\b"
                    + "|\\ba mesma resposta\\b", STRONG),
            FrustrationCue.of("\\bja (?:te |lhe |voce )?(?:falei|disse|expliquei|perguntei|escrevi)\\b", STRONG),
            FrustrationCue.of("\\bestou (?:muito |tao |bem |ficando )?(?:irritado|irritada|chateado|chateada|frustrado"
                    + "|frustrada|cansado|cansada|com raiva|puto|puta|bravo|brava)\\b", STRONG),
            FrustrationCue.of("\\b(?:que|mas que) (?:droga|saco|porcaria|merda|absurdo)\\b", STRONG),
            FrustrationCue.of("\\bde novo\\b", 0.25),
            FrustrationCue.of("\\b(?:por dios|dios mio|mon dieu|oh la la|mein gott|meu deus|nossa)\\b", WEAK),
            FrustrationCue.of("\\b(?:ya basta|basta ya|ca suffit|es reicht|chega)\\b", MEDIUM));

    private ForeignFrustrationPhrases() {
    }
}
