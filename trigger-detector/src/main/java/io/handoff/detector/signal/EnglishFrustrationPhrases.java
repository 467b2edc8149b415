package io.handoff.detector.signal;

import java.util.List;

import static io.handoff.detector.signal.FrustrationCue.MEDIUM;
import static io.handoff.detector.signal.FrustrationCue.STRONG;
import static io.handoff.detector.signal.FrustrationCue.WEAK;

/**
 * English phrases of frustration, grouped by what the visitor is complaining about: that the answers
 * do not help, that they are not understood, that they are repeating themselves, that their patience
 * is running out, how they feel, that they are dissatisfied and want to complain, or swearing aimed
 * at the bot or the service. Each is a pattern with a subject or an intensity so that neutral
 * uses of the same words ("I entered the wrong password", "my login is not working") do not count.
 */
final class EnglishFrustrationPhrases {

    private static final String SUBJECT = "(?:(?:this|that|the|your) (?:whole |entire )?(?:bot|chatbot|chat|service"
            + "|support|answer|answers|reply|response|product|app|assistant|thing|company|experience|website|site"
            + "|system|process|conversation|situation)|this|that|it|you|answer)";
    private static final String INTENSITY = "(?:so |really |completely |totally |absolutely |utterly |pretty |just "
            + "|very |such |such a |quite |incredibly |beyond |still |clearly |simply |entirely |plain |dead "
            + "|obviously )*";

    static final List<FrustrationCue> CUES = List.of(
            // it does not help
            FrustrationCue.of("\\b(?:is|are|was|were|be|been) (?:not|never) (?:\\w+ )?(?:help|helping|helpful|useful"
                    + "|any help|any use|much help|of any help|of any use)\\b", STRONG),
            FrustrationCue.of("\\b(?:not|never) (?:very |really |at all |even |remotely )?(?:helping|helpful"
                    + "|useful)\\b", STRONG),
            FrustrationCue.of("\\bno (?:help|use)\\b", STRONG),
            FrustrationCue.of("\\b(?:this|that|it|nothing|still|this bot|this chat|the bot|this thing|they|these|those"
                    + "|the links|the articles|your links|your articles|your answers|your suggestions)(?: still)?(?: is"
                    + "| are| does| do| did)?(?: still| just| really| simply)? (?:not|never) (?:work|working|helping"
                    + "|help|helpful|useful|right|correct)\\b", STRONG),
            FrustrationCue.of("\\bnot what i (?:asked|meant|said|wanted|want|need|needed|was asking|was looking for"
                    + "|mean)\\b", STRONG),
            FrustrationCue.of("\\bnot working at all\\b|\\bnothing (?:works|is working|helps|you say)\\b"
                    + "|\\bnothing (?:you|that|i|of what you|of this)(?: \\w+){0,3}? (?:helped|helps|worked|works"
                    + "|has helped|has worked|made sense|makes sense)\\b", STRONG),
            FrustrationCue.of("\\b(?:does|do|did) not (?:even )?(?:answer|address|help with|solve|fix|respond to) (?:my"
                    + "|the) (?:question|questions|problem|issue)\\b", STRONG),
            FrustrationCue.of("\\bnot even close\\b|\\b(?:going|getting) (?:me |us )?nowhere\\b"
                    + "|\\bnot getting anywhere\\b", STRONG),
            FrustrationCue.of("\\bthanks? for nothing\\b", STRONG),
            // you do not understand
            FrustrationCue.of("\\byou (?:\\w+ ){0,2}?(?:not|never|no longer) (?:\\w+ ){0,2}?(?:understand|understanding"
                    + "|listening|listen|get it|getting it|getting me|read|reading|help|helping|answering|answer"
                    + "|making sense|make sense|useful|helpful)\\b", STRONG),
            FrustrationCue.of("\\bwhy (?:will|do|does|can|did|would|could|are|is) not (?:you|the bot"
                    + "|this bot)\\b", MEDIUM),
            FrustrationCue.of("\\bwhy (?:can|do|are|is|does) (?:you|the bot|this bot) (?:so |still |never "
                    + "|always )", MEDIUM),
            FrustrationCue.of("\\b(?:just |simply )answer (?:the|my) questions?\\b", MEDIUM),
            FrustrationCue.of("\\bare you (?:even |actually |seriously |really )?(?:listening|reading|serious|kidding"
                    + "|joking|stupid|dumb|broken|an idiot|kidding me)\\b", STRONG),
            FrustrationCue.of("(?<!\\bis )(?<!\\bwas )\\b" + SUBJECT + "(?: is| are| was"
                    + "| were)? " + INTENSITY + "wrong\\b", STRONG),
            FrustrationCue.of("\\byou (?:\\w+ )?(?:have|ve) no (?:idea|clue)\\b"
                    + "|\\byou do not (?:even )?know what you\\b", STRONG),
            FrustrationCue.of("\\bwrong (?:again|answer|answers|reply|response|information|link|links|article|page|one"
                    + "|thing)\\b|\\b(?:still|nope|no) wrong\\b", MEDIUM),
            FrustrationCue.of("\\bhow (?:bad|terrible|awful|useless|slow|broken|stupid) (?:this|it|that|you"
                    + "|your \\w+) (?:is|are)\\b", STRONG),
            FrustrationCue.of("\\bnot (?:making|make|makes|made) (?:any |much |a lot of )?sense\\b|\\brepeat(?:ing"
                    + "|s)? (?:the same|yourself|itself|that|this|everything)\\b|\\b(?:twice|thrice|(?:two|three|four"
                    + "|five|six|ten|many|several|multiple|\\d+) times)(?: already| now| before| in a row)\\b"
                    + "|\\bdo you (?:even |actually |really )?know (?:what you|anything|how to)\\b|\\b(?:does|do|did"
                    + "|will) not (?:solve|fix|resolve) (?:anything|a thing|my problem|the problem)\\b|\\b(?:solves"
                    + "|fixes|resolves) nothing\\b", STRONG),
            FrustrationCue.of("\\b(?:cancel|cancelling|canceling|close|closing|leave|leaving|switch|switching"
                    + "|quit)(?: \\w+){0,3}? (?:because of|due to) (?:this|you|that|your \\w+|the \\w+)\\b|\\b(?:switch"
                    + "|switching|go|going|move|moving) to (?:a |your )?competitors?\\b", STRONG),
            FrustrationCue.of("\\b(?:makes|make|made|making) (?:absolutely |literally |really )?(?:no|zero"
                    + "|little) sense\\b|\\b(?:does|do|did) not make (?:any )?sense\\b", STRONG),
            // I am repeating myself
            FrustrationCue.of("\\b(?:already|just) (?:told|said|asked|explained|answered|mentioned)\\b", STRONG),
            FrustrationCue.of("\\balready (?:tried|did|done)\\b", WEAK),
            FrustrationCue.of("\\b(?:told|said|asked|explained|written|wrote|contacted|called|emailed|messaged"
                    + "|reached out to)(?: you)?(?: this| that| it)?(?: about (?:this|it|that))? (?:already|before"
                    + "|twice|again|(?:\\w+ )?times)\\b", STRONG),
            FrustrationCue.of("\\b(?:same|identical) (?:answer|reply|response|message|nonsense|link|article"
                    + "|thing again)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:again|still) the same (?:thing|answer|reply|response|message)\\b", MEDIUM),
            FrustrationCue.of("\\bfor the (?:\\w+ )?(?:second|third|fourth|fifth|tenth|nth|last|hundredth|millionth"
                    + "|\\d+(?:st|nd|rd|th)?) time\\b", STRONG),
            FrustrationCue.of("\\b(?:this is|that is|it is|this will be|now) (?:the|my) (?:\\w+ )?(?:second|third"
                    + "|fourth|fifth|tenth|nth|hundredth|\\d+(?:st|nd|rd|th)?) time\\b", STRONG),
            FrustrationCue.of("\\b(?:you|you guys|you people|it|the bot|this bot"
                    + "|this thing) keeps? (?:on )?\\w+ing\\b", MEDIUM),
            FrustrationCue.of("\\b(?:keep|keeps|kept) (?:messing|screwing|mucking) (?:up|it up|this up)\\b|\\b(?:nobody"
                    + "|no one) (?:here )?(?:seems to |appears to )?knows? what (?:they|you) (?:are|re) doing\\b"
                    + "|\\b(?:promised|told me|said you would)(?: \\w+){0,4}? (?:and|but) (?:nothing|never"
                    + "|still nothing|no one|nobody)\\b|\\bgive up on (?:you|this|your|the)\\b", STRONG),
            FrustrationCue.of("\\bevery (?:single )?time i (?:ask|try|call|write|contact|chat)\\b", 0.4),
            FrustrationCue.of("\\b(?:a different|another different|a new) answer\\b|\\bnothing (?:has )?happened\\b"
                    + "|\\bstill nothing\\b", 0.4),
            FrustrationCue.of("\\bkeep (?:getting|receiving|seeing) (?:the )?same\\b", MEDIUM),
            FrustrationCue.of("\\b(?:again and again|over and over|round in circles|around in circles|going in circles"
                    + "|round and round|around and around|broken record|repeating yourself"
                    + "|repeat yourself)\\b", STRONG),
            FrustrationCue.of("\\bagain\\b", 0.25),
            // my patience is running out
            FrustrationCue.of("\\b(?:losing|lost|lose|running out of|out of|testing my|trying my|end of my"
                    + "|no more) (?:my |all )?patience\\b|\\bpatience is (?:running|wearing|gone|over|at)\\b"
                    + "|\\bno patience left\\b", STRONG),
            FrustrationCue.of("\\bi give up\\b|\\bgiving up\\b|\\bforget it\\b|\\bi quit\\b", STRONG),
            FrustrationCue.of("\\bi am done\\b", MEDIUM),
            FrustrationCue.of("\\b(?:did|do|can|could|will|would) you (?:even |actually |please |just )?read (?:my"
                    + "|what i)\\b|\\bcan not believe (?:this|how|that|you|it|what|i have to|i need to|i must)\\b"
                    + "|\\b(?:have|need) to (?:explain|repeat|say|tell you|type) (?:this|that|it|myself"
                    + "|everything) again\\b", STRONG),
            FrustrationCue.of("^(?:\\w+ )?(?:just )?(?:read|look at) (?:my|the) (?:message|messages|question"
                    + "|questions)\\b", MEDIUM),
            FrustrationCue.of("\\bwhat is the point (?:of|in)\\b|\\b(?:about to|going to|gonna) lose it\\b|\\b(?:losing"
                    + "|lost) it\\b|\\bmaking (?:this|it|things|everything) (?:\\w+ ){0,2}?(?:harder|worse"
                    + "|more difficult|more complicated)\\b", STRONG),
            FrustrationCue.of("\\b(?:so|really|completely|totally|just|absolutely|officially) done with (?:this|you|it"
                    + "|that|your \\w+|the \\w+)\\b|\\bback and forth\\b|\\bwhat is (?:wrong|the matter) with (?:you"
                    + "|this|it|your \\w+|the \\w+)\\b|\\bwhat is your problem\\b", STRONG),
            FrustrationCue.of("\\b(?:waiting|waited|wait) (?:for )?(?:forever|ages|so long|too long|an eternity"
                    + "|hours and hours|days and days|over an hour|weeks now|days now|hours now)\\b|\\b(?:nobody"
                    + "|no one) (?:is |ever )?(?:helps|answers|responds|replies|cares|gets back|helping|answering"
                    + "|responding|replying|listening)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:waste|wasting|wasted) (?:of )?(?:\\w+ ){0,2}?(?:time|money|hours?|minutes|days?"
                    + "|afternoon|morning|evening|week)\\b", STRONG),
            FrustrationCue.of("\\b(?:dumbest|stupidest|silliest|lamest|most useless|most ridiculous|most pointless"
                    + "|most unhelpful) (?:answer|answers|reply|replies|response|responses|bot|chatbot|service|support"
                    + "|experience|thing|chat|conversation|system)\\b|\\bnone of (?:this|that|it|these|those|your \\w+"
                    + "|the \\w+)(?: \\w+)? (?:helps|helped|works|worked|is helpful|was helpful|makes sense|made sense"
                    + "|answers)\\b", STRONG),
            FrustrationCue.of("\\bhow many (?:more )?times (?:do|must|should|have|will|did|am)(?: i)?\\b"
                    + "|\\bwhat kind of (?:an? )?(?:answer|reply|response|help|service|support|nonsense) is (?:that"
                    + "|this)\\b", STRONG),
            FrustrationCue.of("\\b(?:driving|drives|driven|drove) (?:me|us) (?:crazy|mad|nuts|insane|bananas"
                    + "|up the wall|round the bend|around the bend)\\b|\\blosing my (?:mind|temper|cool|sanity)\\b"
                    + "|\\bpulling my hair out\\b|\\b(?:at|reached) (?:my )?wits end\\b|\\bend of my (?:rope|tether)\\b"
                    + "|\\bi have had it\\b|\\bhad it up to here\\b|\\bcan not take (?:this|it) (?:anymore"
                    + "|any more)\\b", STRONG),
            FrustrationCue.of("\\bwhat a (?:joke|mess|waste|nightmare|disaster|farce|ripoff|rip off|scam"
                    + "|pain)\\b", STRONG),
            FrustrationCue.of("\\bfed up\\b|\\bsick (?:and tired )?of\\b|\\btired of\\b|\\bhad enough\\b"
                    + "|\\benough (?:is enough|already)\\b", STRONG),
            FrustrationCue.of("\\b(?:why|how) is (?:this|it|that|everything) so (?:hard|difficult|complicated|slow)\\b"
                    + "|\\bhow can (?:this|it|that) be so (?:hard|difficult|complicated)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:taking|takes|took|taken) (?:forever|ages|an eternity|so long|way too long)\\b"
                    + "|\\b(?:days|hours|weeks|months) (?:and|but|later and) still (?:no|nothing|not)\\b", MEDIUM),
            // how I feel about it
            FrustrationCue.of("\\b" + SUBJECT + "(?: is| are| was| were| has been| have been)? " + INTENSITY
                    + "(?:useless|pointless|ridiculous|stupid|dumb|terrible|horrible|awful|pathetic|a joke|hopeless"
                    + "|garbage|rubbish|trash|annoying|frustrating|infuriating|unacceptable|incompetent|the worst"
                    + "|worthless|irrelevant|off topic|a disgrace|a shambles|a farce|laughable|embarrassing|a waste"
                    + "|a scam|broken|bad|crap|nonsense|absurd|insane|a nightmare|a disaster|a mess)\\b", STRONG),
            FrustrationCue.of("\\bi am (?:feeling |getting |so |really |very |extremely |pretty |quite "
                    + "|seriously )*(?:angry|annoyed|frustrated|upset|mad|furious|pissed|irritated|fed up|disappointed"
                    + "|livid|exasperated|fuming)\\b", STRONG),
            FrustrationCue.of("\\b(?:hate|hated|hating) (?:this|that|it|you|your|bots|chatbots|the bot)\\b", STRONG),
            FrustrationCue.of("\\b(?:this|it|that|you) (?:sucks|stinks|blows)\\b", STRONG),
            // dissatisfied, wants to complain
            FrustrationCue.of("\\b(?:(?:am|are|is|was|were|be|been|feel|felt|feeling) (?:not|never|far from)|not"
                    + "|never) (?:at all |very |really |so |too |particularly |entirely |completely |fully "
                    + "|totally )?(?:happy|satisfied|pleased|content|impressed) (?:at all |whatsoever )?(?:with|by"
                    + "|about|of)\\b|\\b(?:am|are|was|were)(?: \\w+)? not (?:\\w+ )?(?:happy|satisfied|pleased"
                    + "|impressed|amused)\\b", STRONG),
            FrustrationCue.of("\\b(?:is|are) (?:such |just |all |a total |a complete )?a (?:joke|farce|scam"
                    + "|clown show)\\b|\\b(?:you guys|you people|you all|your company|your team|your staff) (?:are"
                    + "|is) (?:so |really |just )?(?:useless|incompetent|hopeless|terrible|awful|pathetic|clueless"
                    + "|a joke|the worst)\\b", STRONG),
            FrustrationCue.of("\\b(?:file|lodge|make|submit|raise|register|open|send|write|put in|place|log|filing"
                    + "|lodging|making|submitting|raising|registering|opening|sending|writing)(?: in)? (?:a |an |my "
                    + "|this |the |another )?(?:fucking |damn |bloody |freaking |expletive )?(?:formal |official "
                    + "|consumer |written |serious |new )?(?:complaint|claim against)\\b|\\b(?:want|like|need|wish|have"
                    + "|going|how do i|how can i|where do i|where can i|where to|how to)(?: to)? complain\\b"
                    + "|\\bcomplain(?:ing)? about\\b", MEDIUM),
            FrustrationCue.of("\\b(?:do|did) not (?:like|appreciate|enjoy) (?:the|your|this|that|my|how"
                    + "|the way) (?:service|product|products|experience|support|answer|answers|company|attitude"
                    + "|treatment|app|website|site|quality|delivery|staff|way|you)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:poor|bad|lousy|appalling|shoddy|dreadful|abysmal"
                    + "|substandard) (?:customer )?(?:service|support|experience|quality|treatment"
                    + "|communication)\\b", STRONG),
            // swearing aimed at the bot or the service
            FrustrationCue.of("\\b(?:fuck|screw|damn|to hell with|f) (?:you|this|that|it|off|your \\w+|this \\w+"
                    + "|the \\w+|all of you)\\b|\\bfor (?:fuck|fucks|god|christ) s? ?sake\\b", STRONG),
            FrustrationCue.of("\\b(?:this|your|the|that|you) (?:fucking|fuckin|expletive|damn|damned|goddamn|bloody"
                    + "|freaking|shitty|stupid|dumb|useless) (?:bot|chatbot|chat|machine|assistant|service|support|app"
                    + "|website|site|system|company|thing|program|robot|ai|answers|answer|replies)\\b", STRONG),
            FrustrationCue.of("\\b" + SUBJECT + "(?: is| are| was| were)? " + INTENSITY + "(?:bullshit|shit|a shitshow"
                    + "|fucked|fucked up|screwed up|a scam|a ripoff|a rip off)\\b", STRONG),
            // idioms of exasperation
            FrustrationCue.of("\\bcould (?:you|this|it) be (?:any )?(?:less helpful|less useful|more useless|any worse"
                    + "|worse)\\b|\\bwhy do i (?:even )?bother\\b|\\bi (?:really )?regret (?:buying|ordering|choosing"
                    + "|signing up|using|trusting|paying)\\b|\\bhow (?:is|are|can) (?:this|it|that"
                    + "|they) still\\b", STRONG),
            FrustrationCue.of("\\b(?:still|yet) not (?:fixed|solved|resolved|working|sorted|done)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:losing|lost|lose) (?:all )?(?:faith|hope|trust) in\\b|\\bhow hard can (?:it|this"
                    + "|that) be\\b|\\bi (?:keep|kept) (?:telling|saying|asking|repeating|explaining|writing)\\b"
                    + "|\\b(?:stuck|waiting|trying|on this|at this|on hold|chatting)(?: \\w+){0,4}? (?:all day"
                    + "|all morning|all afternoon|all week|the whole day)\\b", STRONG),
            FrustrationCue.of("\\b(?:getting|becoming) (?:silly|ridiculous|absurd|tiresome|old|out of hand)\\b"
                    + "|\\bdo not think you (?:\\w+ )?(?:understand|get it|know|read)\\b|\\b(?:stuck|waiting|trying"
                    + "|on this|at this|on hold|chatting)(?: \\w+){0,2}? for (?:ages|hours|days|weeks|so long"
                    + "|an eternity|forever)\\b", STRONG),
            FrustrationCue.of("\\bdo not like (?:how|where|the way) (?:this|it|things|that) (?:is|are) (?:going|heading"
                    + "|handled)\\b|\\bcan not you (?:\\w+ )?(?:understand|read|see|get)\\b|\\bstop with (?:the|your"
                    + "|these|those|all)\\b|\\b" + SUBJECT + "(?: is| are| was| were)? (?:a )?(?:total |complete "
                    + "|absolute |utter )?(?:failure|fail|flop)\\b", STRONG),
            FrustrationCue.of("\\b(?:this is|that is|it is|so|how) exhausting\\b|\\bat a loss\\b"
                    + "|\\b(?:just )?listen to me\\b|\\bnot making (?:this|it|things) (?:\\w+ )?easy\\b|\\b(?:nobody"
                    + "|no one) (?:seems to|appears to|even) (?:care|help|listen|read)\\b|^(?:bad|stupid|dumb|useless"
                    + "|lazy|terrible) (?:bot|chatbot|assistant|ai|robot)\\b|\\b(?:so|too|very"
                    + "|really) vague\\b", STRONG),
            FrustrationCue.of("\\bso over (?:this|it|you|that)\\b|\\bleast (?:helpful|useful)\\b|\\bmisunderst(?:ood"
                    + "|anding) me\\b|\\b(?:want to|going to|about to|makes me want to|could) (?:scream|cry|explode)\\b"
                    + "|\\btalking to a (?:brick )?wall\\b|\\bbanging my head\\b|\\bbeyond a joke\\b"
                    + "|\\bare you for real\\b|\\bgive me a break\\b|\\bfor crying out loud\\b|\\bi am speechless\\b"
                    + "|\\byou are impossible\\b|\\b(?:already|have) read (?:that|this|those|it"
                    + "|them)(?: already)?\\b", STRONG),
            FrustrationCue.of("\\b(?:stop|quit) (?:sending|giving|showing|linking|telling|asking) me\\b|\\b(?:can|could"
                    + "|will) you (?:just |please )?stop\\b|\\bnot again\\b", MEDIUM),
            // exclamations that only count together with another cue
            FrustrationCue.of("\\bwhat the (?:hell|heck|fuck|f)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:omg|wtf|ffs|smh|ugh+|argh+|jeez|geez|come on|oh my god|good grief|unbelievable"
                    + "|seriously|are you kidding|you are kidding|bruh|oh come on|duh|sigh)\\b", 0.4),
            FrustrationCue.of("^(?:\\w+ )?(?:stop|stop it|just stop|stop please|please stop)$", WEAK));

    private EnglishFrustrationPhrases() {
    }
}
