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
                    + "|comprende|ayuda|ayudas|ayudan|sirve|sirves|sirven|ayudando|entendiendo|escuchas|escucha"
                    + "|escuchando|sirviendo|lees|lee)\\b", STRONG),
            FrustrationCue.of("\\b(?:estoy perdiendo|pierdo|perdiendo|me haces perder|me hacen perder|me hace perder"
                    + "|haciendo perder|hacer perder|me estas haciendo perder) (?:el |mi |mucho )?tiempo\\b"
                    + "|\\b(?:que te pasa|cual es tu problema)\\b|\\b(?:se me (?:acaba|agota)|estoy perdiendo|pierdo"
                    + "|perdi|sin) (?:la )?paciencia\\b", STRONG),
            FrustrationCue.of("\\bcuantas veces\\b|\\b(?:me )?(?:estas|esta|estan|vas a|va a) (?:volviendo"
                    + "|volver) loc[oa]s?\\b|\\b(?:esto|eso|es|esto es|que) (?:un |una )?(?:desastre|verguenza|broma"
                    + "|chiste|cachondeo|timo|estafa)\\b|\\bno sirve(?:s|n)? (?:de|para) nada\\b|\\btomadura de pelo\\b"
                    + "|\\bni pies ni cabeza\\b|\\b(?:para|de) que (?:sirve|sirves|me sirve)\\b"
                    + "|\\bno (?:me )?(?:resuelve|resuelves|soluciona|solucionas|arregla) nada\\b|\\b(?:por que"
                    + "|porque) (?:es|esta|resulta|sera) (?:tan|tanto) (?:dificil|complicado|complicada|lento"
                    + "|lenta)\\b", STRONG),
            FrustrationCue.of("\\b(?:esto|eso|nada) no funciona\\b|\\bnada funciona\\b"
                    + "|\\bsigue sin funcionar\\b", STRONG),
            FrustrationCue.of("\\bno tiene (?:ningun )?sentido\\b", STRONG),
            FrustrationCue.of("\\bya (?:te |se |lo |le )*(?:dije|he dicho|explique|pregunte|escribi)\\b", STRONG),
            FrustrationCue.of("\\bme rindo\\b|\\bperdida de tiempo\\b|\\botra vez lo mismo\\b|\\blo mismo otra vez\\b"
                    + "|\\bla misma respuesta\\b|\\bque (?:horror|desastre|verguenza)\\b", STRONG),
            FrustrationCue.of("\\b(?:estoy|me tienes|me tiene) (?:muy |tan |bastante |ya )?(?:harto|harta|enojado"
                    + "|enojada|molesto|molesta|frustrado|frustrada|cansado|cansada|furioso|furiosa)\\b", STRONG),
            FrustrationCue.of("\\botra vez\\b", 0.25),
            FrustrationCue.of("\\bque (?:\\w+ )?(?:tan|mas) (?:malo|mala|malos|malas|horrible|pesimo|pesima|lamentable"
                    + "|inutil|desastroso|desastrosa)\\b|\\b(?:ya )?no (?:lo )?aguanto (?:mas)?\\b"
                    + "|\\bestoy hasta las narices\\b|\\bque (?:mal|pesimo|horrible) (?:servicio|atencion)\\b", STRONG),
            FrustrationCue.of("\\b(?:poner|presentar|hacer|interponer|levantar|registrar|enviar|pongo|presento|hago"
                    + "|quiero poner|quiero hacer)(?: una| un| mi)? (?:queja|reclamacion|reclamo|denuncia)\\b"
                    + "|\\b(?:quiero|necesito|voy a|quisiera|como puedo|donde puedo) quejarme\\b"
                    + "|\\bme quejo\\b", MEDIUM),
            FrustrationCue.of("\\bno (?:estoy|estamos|quede|quedamos|he quedado) (?:nada |muy |para nada )?(?:contento"
                    + "|contenta|contentos|satisfecho|satisfecha|satisfechos|conforme|feliz)\\b|\\b(?:mal|mala|pesimo"
                    + "|pesima|terrible|horrible) (?:servicio|atencion|experiencia)\\b", STRONG),
            FrustrationCue.of("\\bes increible que\\b|\\bllevo (?:una hora|media hora|un buen rato|todo el dia"
                    + "|toda la semana|horas|dias|semanas|mucho tiempo|toda la (?:manana|tarde)|\\w+ (?:minutos|horas"
                    + "|dias))\\b|\\b(?:sacando|saca|sacas|sacar) de (?:quicio|mis casillas)\\b"
                    + "|^(?:\\w+ )?no puede ser\\b(?! (?:mas|menos|tan|que|de|en|el|la|un|una|posible)\\b)"
                    + "|\\bque asco\\b|\\bhasta (?:el gorro|la coronilla|el mono)\\b|\\bes el colmo\\b|\\bme cago en\\b"
                    + "|\\bvaya (?:mierda|desastre|servicio|porqueria)\\b|\\bque pesadilla\\b"
                    + "|\\bno me lo puedo creer\\b|\\bme (?:estas|estan|esta) tomando el pelo\\b", STRONG),
            FrustrationCue.of("\\b(?:esto|eso|es|este bot|este chat|este servicio|tu|usted) (?:es |eres )?(?:una "
                    + "|un )?(?:mierda|porqueria|basura|estafa|verguenza|asco|cutre)\\b", STRONG),
            FrustrationCue.of("\\b(?:es la|por) (?:segunda|tercera|cuarta|quinta|decima|enesima) vez\\b|\\b(?:servicio"
                    + "|atencion|experiencia|chat|bot) (?:tan |muy |mas |super )?(?:malo|mala|pesimo|pesima|horrible"
                    + "|lamentable|penoso|penosa)\\b|\\bno funciona de (?:ninguna manera|ningun modo)\\b", STRONG),
            FrustrationCue.of("\\b(?:repites|repite|repitiendo|repetis) (?:lo mismo|siempre|una y otra vez)\\b"
                    + "|\\bsiempre (?:lo mismo|la misma respuesta)\\b|\\bno (?:eres|es"
                    + "|estas siendo) de (?:ninguna )?ayuda\\b", STRONG),
            FrustrationCue.of("\\bvaya tela\\b|\\bni siquiera (?:me )?(?:entiendes|entiende|lees|lee|sabes|escuchas"
                    + "|contestas)\\b|\\b(?:llevo|estoy|sigo) esperando (?:desde hace|hace|horas|dias|mucho)\\b"
                    + "|\\bme (?:irrita|cabrea|enfada|molesta mucho|saca de quicio)\\b", STRONG),
            FrustrationCue.of("\\brespuesta (?:equivocada|incorrecta|erronea)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:he|hemos) (?:contactado|llamado|escrito|preguntado"
                    + "|reclamado)(?: \\w+){0,3}? (?:dos|tres|cuatro|cinco|varias|muchas|mil|\\d+) veces\\b"
                    + "|\\bprometieron(?: \\w+){0,4}? (?:y|pero) (?:nada|nunca|nadie)\\b|\\b(?:el|la) peor (?:servicio"
                    + "|experiencia|atencion|empresa|chat|bot)\\b", STRONG),
            FrustrationCue.of("\\bnadie (?:me )?(?:responde|contesta|ayuda|atiende|llama)\\b|\\b(?:y"
                    + "|pero) nada$", MEDIUM),
            // French
            FrustrationCue.of("\\b(?:vous|tu) (?:ne |n )?(?:me |m )?(?:comprenez|comprends|m aidez|m aides|aidez|aides"
                    + "|repondez|reponds|ecoutez|ecoutes) (?:pas|rien|jamais)\\b", STRONG),
            FrustrationCue.of("\\b(?:ca|cela|ce|c|rien) (?:ne |n )?(?:m |nous )?(?:aide|sert|marche|fonctionne"
                    + "|va) (?:pas|a rien|rien|jamais|du tout)\\b", STRONG),
            FrustrationCue.of("\\bc est (?:vraiment |tellement |trop |completement |franchement |toujours )?(?:nul"
                    + "|nulle|inutile|ridicule|n importe quoi|penible|lamentable|frustrant|enervant|agacant|absurde"
                    + "|une blague|une honte|pas possible(?! (?:de|d|que|qu|pour)\\b)|insupportable|horrible"
                    + "|pas normal)\\b", STRONG),
            FrustrationCue.of("\\bj en ai (?:vraiment |franchement |plus qu )?(?:marre|assez)\\b|\\btourner en rond\\b"
                    + "|\\bras le bol\\b|\\bn importe quoi\\b|\\bperte de temps\\b|\\bj abandonne\\b|\\bn a (?:aucun"
                    + "|pas de) sens\\b", STRONG),
            FrustrationCue.of("\\b(?:deja|plusieurs fois) (?:dit|explique|ecrit|demande|repondu)\\b", STRONG),
            FrustrationCue.of("\\bje suis (?:tres |vraiment |tellement |super )?(?:enerve|enervee|agace|agacee|frustre"
                    + "|frustree|furieux|furieuse|decu|decue|en colere)\\b", STRONG),
            FrustrationCue.of("\\bencore\\b", 0.25),
            FrustrationCue.of("\\b(?:je perds|j perds|on perd|me faites perdre|me fais perdre|fait perdre) (?:mon "
                    + "|notre |du |le )?temps\\b|\\b(?:je perds|a bout de|plus de|perdre) (?:ma )?patience\\b"
                    + "|\\btoujours (?:la meme (?:chose|reponse)|le meme message)\\b|\\bqu est ce qui (?:ne va pas"
                    + "|cloche) (?:avec|chez) (?:toi|vous)\\b", STRONG),
            FrustrationCue.of("\\bcombien de fois\\b|\\b(?:tu me rends|vous me rendez|ca me rend"
                    + "|ca va me rendre) (?:fou|folle|dingue|malade)\\b|\\b(?:je suis|j suis|suis) (?:a bout"
                    + "|au bout du rouleau|excede|excedee)\\b|\\b(?:tu|vous|ca|cela|ce bot|il|ce chatbot|ce chat"
                    + "|ce service|ce truc|cet assistant|votre bot|votre service|ton truc) (?:ne |n )?(?:sers|servez"
                    + "|sert) (?:a rien|strictement a rien)\\b|\\b(?:c est|quelle|c est quoi cette) (?:une )?(?:honte"
                    + "|blague|arnaque|catastrophe|cata|galere|mascarade)\\b|\\b(?:ca|tu|vous|il|ce bot) me (?:saoule"
                    + "|soule|gonfle|gave|fatigue|casse les pieds|prend la tete)\\b|\\bne (?:resout|regle|resous"
                    + "|resolvez) rien\\b|\\ba quoi (?:ca |tu |vous )?(?:sert|sers|servez)\\b|\\bpourquoi (?:c est"
                    + "|est ce|est ce que c est) (?:si|aussi|tellement) (?:difficile|complique|compliquee|long"
                    + "|lent)\\b", STRONG),
            FrustrationCue.of("\\b(?:ca|cela) fait (?:deux|trois|quatre|cinq|dix|plusieurs|\\d+) fois\\b"
                    + "|\\bpour la (?:deuxieme|troisieme|quatrieme|cinquieme|dixieme|enieme|\\w+ieme) fois\\b"
                    + "|\\b(?:je )?n en peux plus\\b|\\bj en peux plus\\b", STRONG),
            FrustrationCue.of("\\b(?:porter|deposer|faire|formuler|adresser|envoyer|ecrire|deposer) (?:une "
                    + "|ma )?(?:plainte|reclamation)\\b|\\b(?:veux|voudrais|dois|vais|comment) (?:me )?plaindre\\b"
                    + "|\\bje me plains\\b", MEDIUM),
            FrustrationCue.of("\\b(?:ne suis|suis|sommes|etais) (?:pas|vraiment pas|pas du tout"
                    + "|absolument pas) (?:content|contente|satisfait|satisfaite|satisfaits|ravi|ravie)\\b"
                    + "|\\b(?:mauvais|mediocre|deplorable|lamentable|horrible) (?:service|accueil"
                    + "|experience)\\b", STRONG),
            FrustrationCue.of("\\bc est la (?:deuxieme|troisieme|quatrieme|cinquieme|dixieme|enieme|\\w+ieme) fois\\b"
                    + "|^(?:\\w+ )?c est pas (?:vrai|possible|serieux)\\b(?! (?:de|d|que|qu|pour)\\b)|\\bj hallucine\\b"
                    + "|\\bje craque\\b|\\bje suis (?:degoute|degoutee|vener|venere)\\b|\\b(?:vous vous"
                    + "|tu te) (?:moquez|moques) de moi\\b|\\b(?:foutez|fous) de (?:moi|ma gueule)\\b"
                    + "|\\blaissez? tomber\\b", STRONG),
            FrustrationCue.of("\\bc est (?:de la |une )?(?:merde|daube|arnaque)\\b|\\b(?:ce bot|ce truc"
                    + "|ce service) (?:est )?(?:de la )?(?:merde|daube)\\b", STRONG),
            FrustrationCue.of("\\b(?:service|accueil|chat|bot|support) (?:vraiment |tellement |completement "
                    + "|super )?(?:nul|lamentable|horrible|mediocre|minable|pourri|catastrophique)\\b", STRONG),
            FrustrationCue.of("\\b(?:tu repetes|vous repetez|tu me repetes|vous me repetez)\\b"
                    + "|\\bd aucune aide\\b", STRONG),
            FrustrationCue.of("\\brien ne (?:fonctionne|marche|va)\\b|\\bj attends depuis (?:des heures|une heure"
                    + "|des jours|longtemps|une eternite|ce matin)\\b|\\bca m (?:irrite|exaspere)\\b", STRONG),
            FrustrationCue.of("\\b(?:mauvaise reponse|reponse fausse|reponse a cote)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:contacte|appele|ecrit|demande|relance|rappele)(?: \\w+){0,3}? (?:deux|trois|quatre"
                    + "|cinq|plusieurs|mille|\\d+) fois\\b|\\bpromis(?: \\w+){0,4}? (?:et|mais) (?:rien|jamais"
                    + "|personne)\\b|\\b(?:le|la) pire (?:service|experience|accueil|entreprise|chat|bot)\\b", STRONG),
            FrustrationCue.of("\\bpersonne ne (?:me )?(?:repond|m aide|rappelle|reagit)\\b|\\b(?:et"
                    + "|mais) rien$", MEDIUM),
            // German
            FrustrationCue.of("\\b(?:hilft|hilfst|helfen) (?:mir |uns )?(?:\\w+ ){0,2}?(?:nicht|nichts"
                    + "|kein bisschen)\\b|\\bbringt (?:\\w+ ){0,2}?nichts\\b", STRONG),
            FrustrationCue.of("\\b(?:sie|du|ihr) (?:verstehen|verstehst|versteht) (?:mich )?(?:\\w+ ){0,2}?(?:nicht"
                    + "|nichts|nix)\\b", STRONG),
            FrustrationCue.of("\\b(?:das|es) funktioniert(?: immer noch| schon wieder| einfach| uberhaupt"
                    + "| gar)? nicht\\b|\\bnichts funktioniert\\b|\\bfunktioniert (?:immer noch|uberhaupt|gar"
                    + "|schon wieder) nicht\\b", STRONG),
            FrustrationCue.of("\\b(?:ergibt|macht) (?:keinen|null|gar keinen) sinn\\b|\\bich (?:gebe|geb) (?:es "
                    + "|s )?(?:jetzt )?auf\\b|\\bzeitverschwendung\\b", STRONG),
            FrustrationCue.of("\\b(?:schon|bereits|mehrmals|zweimal|oft genug) (?:\\w+ )?(?:gesagt|geschrieben|erklart"
                    + "|gefragt)\\b", STRONG),
            FrustrationCue.of("\\bich bin (?:so |wirklich |echt |total |sehr |langsam )?(?:genervt|frustriert|sauer"
                    + "|wutend|verargert|enttauscht)\\b", STRONG),
            FrustrationCue.of("\\bimmer (?:wieder )?(?:das gleiche|dasselbe|die gleiche antwort"
                    + "|die selbe antwort)\\b", MEDIUM),
            FrustrationCue.of("\\bschon wieder\\b", 0.4),
            FrustrationCue.of("\\b(?:verschwende|verschwenden|verschwendest|verschwendet|raubt|raubst"
                    + "|kostet) (?:\\w+ )?(?:mir )?(?:meine|unsere|die|mir die) zeit\\b|\\b(?:meine geduld"
                    + "|geduld ist)\\b|\\bverliere (?:langsam )?die geduld\\b|\\b(?:horst|horen"
                    + "|hort) (?:mir )?(?:\\w+ )?nicht zu\\b|\\bwas ist (?:los )?mit (?:dir|ihnen|euch) los\\b"
                    + "|\\bwas ist dein problem\\b", STRONG),
            FrustrationCue.of("\\bwie oft (?:noch|muss|soll|denn)\\b|\\bkeine lust mehr\\b|\\b(?:macht|machst"
                    + "|machen) mich (?:\\w+ )?(?:wahnsinnig|verruckt|fertig|krank|wutend|sauer)\\b|\\b(?:das|es"
                    + "|dies) ist (?:doch |ja |echt |wirklich |einfach )*(?:ein witz|eine frechheit|unmoglich"
                    + "|eine zumutung|eine katastrophe|unglaublich|peinlich|eine schande|ein skandal)\\b", STRONG),
            FrustrationCue.of("\\bunglaublich\\b", 0.4),
            FrustrationCue.of("\\bwas soll (?:das|der mist|der quatsch)\\b|\\bwarum ist (?:das|es|alles) (?:so"
                    + "|denn so) (?:schwer|kompliziert|schwierig|umstandlich|langsam)\\b|\\blost (?:\\w+ )?nichts\\b"
                    + "|\\bwozu (?:ist|soll|brauche|gibt es)\\b|\\bbin (?:\\w+ )?sauer\\b", STRONG),
            FrustrationCue.of("\\b(?:so ein|was fur ein|so einen|was fur einen) (?:mist|dreck|quatsch|unsinn"
                    + "|schwachsinn|blodsinn|witz|saftladen|scheiss)\\b|\\bich (?:halte|halt) (?:das"
                    + "|es) nicht mehr aus\\b|\\bzum (?:verzweifeln|kotzen|haareraufen|heulen|mausemelken)\\b"
                    + "|\\b(?:zum )?(?:dritten|vierten|funften|x ten|zehnten) mal\\b|\\b(?:drei|vier|funf|zehn"
                    + "|x) mal (?:gesagt|gefragt|geschrieben|erklart)\\b", STRONG),
            FrustrationCue.of("\\bbeschwerde (?:\\w+ )?(?:einreichen|einlegen|machen|schreiben|abgeben|senden"
                    + "|erheben)\\b|\\b(?:mich|uns) (?:\\w+ )?beschweren\\b|\\bbeschwere mich\\b|\\breklamieren\\b"
                    + "|\\breklamation (?:einreichen|machen|aufgeben)\\b", MEDIUM),
            FrustrationCue.of("\\bnicht (?:sehr |ganz |wirklich |besonders )?zufrieden\\b"
                    + "|\\bnicht (?:\\w+ )?(?:zufrieden|glucklich) (?:mit|uber)\\b|\\b(?:bin|sind|war|waren) (?:gar "
                    + "|uberhaupt |ganz und gar )?nicht zufrieden\\b|\\b(?:schlechter|schlechten|schlechte|miserabler"
                    + "|miserablen) (?:service|kundenservice|kundendienst|support)\\b", STRONG),
            FrustrationCue.of("\\bnicht (?:dein|ihr|euer) ernst\\b|\\b(?:ist|soll) das (?:dein|ihr) ernst\\b"
                    + "|\\bnase (?:gestrichen )?voll\\b|\\b(?:langsam|jetzt|nun) (?:reicht|langt) (?:es|s)\\b"
                    + "|\\breicht es mir\\b|\\bplatzt (?:\\w+ )?(?:der )?kragen\\b|\\b(?:ich raste|ich drehe"
                    + "|ich dreh) (?:\\w+ )?(?:aus|durch)\\b|\\bdas gibt s doch nicht\\b|\\bdas gibts doch nicht\\b"
                    + "|\\bverarsch\\w*\\b|\\bkeinen bock mehr\\b|\\bdas kann doch nicht (?:wahr )?sein\\b", STRONG),
            FrustrationCue.of("\\b(?:service|kundenservice|support|chat|bot) (?:ist )?(?:echt |wirklich |total "
                    + "|so )?(?:schlecht|mies|miserabel|grottig|unterirdisch|katastrophal)\\b", STRONG),
            FrustrationCue.of("\\bregt mich (?:\\w+ )?auf\\b|\\b(?:sind|bist|ist"
                    + "|seid) (?:\\w+ )?keine (?:grosse )?hilfe\\b|\\bwiederholst (?:dich|immer|nur)\\b", STRONG),
            FrustrationCue.of("\\b(?:warte|warten|wartet)(?: \\w+)? (?:schon )?(?:ewig|seit stunden|seit tagen"
                    + "|seit wochen|so lange|eine ewigkeit)\\b", STRONG),
            FrustrationCue.of("\\bfalsche antworte?n?\\b", MEDIUM),
            FrustrationCue.of("\\b(?:zweimal|dreimal|viermal|funfmal|mehrmals|x mal|zig mal) (?:angerufen|geschrieben"
                    + "|gefragt|nachgefragt|kontaktiert|gemeldet)\\b|\\bversprochen(?: \\w+){0,3}? (?:und"
                    + "|aber) (?:nichts|nie|niemand)\\b|\\b(?:der|die|das) schlechteste\\b", STRONG),
            FrustrationCue.of("\\bniemand (?:antwortet|meldet sich|hilft|ruft zuruck|reagiert)\\b|\\b(?:und"
                    + "|aber) (?:es ist )?nichts passiert\\b|\\b(?:und|aber) nichts$", MEDIUM),
            // Portuguese
            FrustrationCue.of("\\bnao (?:esta |estas |ta )?(?:me )?(?:ajuda|ajudou|ajudam|ajudando|serve|entende"
                    + "|entendeu|entendem|entendendo|compreende|compreendendo|escuta|escutando|ouve|ouvindo"
                    + "|le)\\b", STRONG),
            FrustrationCue.of("\\b(?:estou perdendo|perdendo|perco|me fazendo perder|me faz perder|me fez perder) (?:o "
                    + "|meu |muito )?tempo\\b|\\b(?:perdendo a|sem|acabou a|acabando a) paciencia\\b"
                    + "|\\bqual (?:e )?(?:o )?(?:seu|teu) problema\\b|\\bperdi (?:a|minha|toda a) paciencia\\b"
                    + "|\\bquantas vezes\\b|\\bme (?:deixando|deixa|deixou) (?:louco|louca|maluco|maluca|doido"
                    + "|doida)\\b|\\b(?:isso|isto|que|e) (?:e )?(?:uma )?(?:vergonha|piada|palhacada|bagunca"
                    + "|desastre)\\b|\\bnao serve (?:pra|para) nada\\b|\\bnao (?:me )?(?:resolve|resolveu|resolvem"
                    + "|soluciona|solucionam|ajuda|ajudam) (?:nada|em nada)\\b|\\b(?:pra|para) que (?:serve|servem"
                    + "|me serve)\\b|\\bpor ?que (?:e|esta) (?:tao|tanto) (?:dificil|complicado|demorado)\\b|\\b(?:me"
                    + "|esta me|ta me) irritando\\b|\\bde saco cheio\\b", STRONG),
            FrustrationCue.of("\\b(?:isso|isto|nada) (?:ainda )?nao funciona\\b|\\bnada funciona\\b"
                    + "|\\bcontinua (?:sem funcionar|nao funcionando)\\b", STRONG),
            FrustrationCue.of("\\bnao faz (?:nenhum )?sentido\\b|\\bdesisto\\b|\\bperda de tempo\\b|\\bsaco cheio\\b"
                    + "|\\ba mesma resposta\\b", STRONG),
            FrustrationCue.of("\\bja (?:te |lhe |voce )?(?:falei|disse|expliquei|perguntei|escrevi)\\b", STRONG),
            FrustrationCue.of("\\bestou (?:muito |tao |bem |ficando )?(?:irritado|irritada|chateado|chateada|frustrado"
                    + "|frustrada|cansado|cansada|com raiva|puto|puta|bravo|brava)\\b", STRONG),
            FrustrationCue.of("\\b(?:que|mas que) (?:droga|saco|porcaria|merda|absurdo)\\b", STRONG),
            FrustrationCue.of("\\bde novo\\b", 0.25),
            FrustrationCue.of("\\bnao aguento mais\\b|\\bja nao aguento\\b|\\bpela (?:segunda|terceira|quarta|quinta"
                    + "|decima|enesima) vez\\b|\\bque (?:\\w+ )?(?:tao|mais) (?:ruim|horrivel|pessimo|pessima"
                    + "|lamentavel)\\b", STRONG),
            FrustrationCue.of("\\b(?:fazer|registrar|abrir|enviar|apresentar|deixar|prestar) (?:uma |a minha "
                    + "|minha )?(?:reclamacao|queixa)\\b|\\b(?:quero|preciso|vou|gostaria de|como posso"
                    + "|onde posso) reclamar\\b", MEDIUM),
            FrustrationCue.of("\\bnao (?:estou|fiquei|to|estamos|ficamos) (?:nada |nem um pouco |muito )?(?:satisfeito"
                    + "|satisfeita|satisfeitos|contente|contentes|feliz)\\b|\\b(?:pessimo|pessima|mau|ma|horrivel"
                    + "|terrivel) (?:atendimento|servico|experiencia)\\b", STRONG),
            FrustrationCue.of("\\brepet\\w* (?:a mesma coisa|o mesmo|sempre)\\b|\\bsempre a mesma (?:coisa|resposta)\\b"
                    + "|\\b(?:nao e|nao esta sendo|nao foi) de (?:nenhuma )?ajuda\\b", STRONG),
            FrustrationCue.of("\\b(?:esperando|aguardando) (?:ha|faz) (?:horas|dias|muito tempo|uma hora|semanas)\\b"
                    + "|\\bme (?:irrita|irritou|deixa irritado|deixa irritada)\\b", STRONG),
            FrustrationCue.of("\\bresposta errada\\b", MEDIUM),
            FrustrationCue.of("\\b(?:entrei em contato|liguei|escrevi|perguntei|reclamei"
                    + "|mandei mensagem)(?: \\w+){0,2}? (?:duas|tres|quatro|cinco|varias|muitas|mil|\\d+) vezes\\b"
                    + "|\\bprometeram(?: \\w+){0,4}? e (?:nada|nunca|ninguem)\\b|\\b(?:o|a) pior (?:servico|experiencia"
                    + "|atendimento|empresa|chat|bot)\\b", STRONG),
            FrustrationCue.of("\\bninguem (?:me )?(?:responde|ajuda|atende|retorna|liga)\\b|\\be nada$", MEDIUM),
            FrustrationCue.of("\\b(?:nao tem|sem) cabimento\\b", STRONG),
            FrustrationCue.of("\\bque (?:lentidao|demora)\\b|\\b(?:atendimento|servico|experiencia|chat|bot) (?:tao "
                    + "|muito |mais |super )?(?:ruim|horrivel|pessimo|pessima|terrivel|lamentavel|pessimo)\\b"
                    + "|\\bfuncion(?:ando|a|ou) de jeito nenhum\\b", STRONG),
            FrustrationCue.of("\\b(?:muito|que|tao|mo) chato\\b|\\bchatice\\b|\\b(?:de|so pode ser|e) brincadeira\\b"
                    + "|\\bja deu\\b|\\bfala serio\\b|\\bpqp\\b|\\bcansei\\b|\\bisso e um saco\\b"
                    + "|\\bque raiva\\b", STRONG),
            FrustrationCue.of("\\b(?:isso|isto|esse bot|este bot|esse atendimento|voce|voces) (?:e |sao "
                    + "|esta )?(?:muito |tao |mo |bem |mesmo )?(?:uma |um )?(?:merda|porcaria|lixo|vergonha|burro|burra"
                    + "|burros|idiota)\\b", STRONG),
            FrustrationCue.of("\\b(?:por dios|dios mio|mon dieu|oh la la|mein gott|meu deus|nossa)\\b", WEAK),
            FrustrationCue.of("\\b(?:en serio|serio|serieusement|serieux|ernsthaft|echt jetzt)\\b", 0.4),
            FrustrationCue.of("\\bque pesad[oa]s?\\b|\\beres (?:muy |un |una |tan )?pesad[oa]\\b|\\b(?:t es|tu es"
                    + "|vous etes) (?:vraiment |trop |tellement )?(?:lourd|lourde|lourds|relou)\\b"
                    + "|\\bainda nao (?:funciona|funcionou)\\b",
                    STRONG),
            FrustrationCue.of("\\b(?:ya basta|basta ya|ca suffit|es reicht|chega)\\b", MEDIUM));

    private ForeignFrustrationPhrases() {
    }
}
