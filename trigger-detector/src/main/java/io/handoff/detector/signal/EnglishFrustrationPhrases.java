package io.handoff.detector.signal;

import java.util.List;

import static io.handoff.detector.signal.FrustrationCue.MEDIUM;
import static io.handoff.detector.signal.FrustrationCue.STRONG;
import static io.handoff.detector.signal.FrustrationCue.WEAK;

/**
 * English phrases of frustration, grouped by what the visitor is complaining about: that the answers
 * do not help, that they are not understood, that they are repeating themselves, that their patience
 * is running out, or how they feel. Each is a pattern with a subject or an intensity so that neutral
 * uses of the same words ("I entered the wrong password", "my login is not working") do not count.
 */
final class EnglishFrustrationPhrases {

    private static final String SUBJECT = "(?:(?:this|that|the|your) (?:bot|chatbot|chat|service|support|answer|answers"
            + "|reply|response|product|app|assistant|thing|company|experience|website|site|system)|this|that|it|you|answer)";
    private static final String INTENSITY = "(?:so |really |completely |totally |absolutely |utterly |pretty |just |very "
            + "|such |such a |quite |incredibly |beyond |still |clearly |simply |entirely |plain |dead |obviously )*";

    static final List<FrustrationCue> CUES = List.of(
            // it does not help
            FrustrationCue.of("\\b(?:is|are|was|were|be|been) (?:not|never) (?:\\w+ )?(?:help|helping|helpful|useful"
                    + "|any help|any use|much help|of any help|of any use)\\b", STRONG),
            FrustrationCue.of("\\b(?:not|never) (?:very |really |at all |even |remotely )?(?:helping|helpful|useful)\\b", STRONG),
            FrustrationCue.of("\\bno (?:help|use)\\b", STRONG),
            FrustrationCue.of("\\b(?:this|that|it|nothing|still|this bot|this chat|the bot|this thing)(?: still)?"
                    + "(?: is| are| does| do| did)?(?: still| just| really| simply)? (?:not|never) (?:work|working|helping"
                    + "|help|helpful|useful|right|correct)\\b", STRONG),
            FrustrationCue.of("\\bnot what i (?:asked|meant|said|wanted|want|need|needed|was asking|was looking for|mean)\\b", STRONG),
            FrustrationCue.of("\\bnot working at all\\b|\\bnothing (?:works|is working|helps|you say)\\b", STRONG),
            FrustrationCue.of("\\b(?:does|do|did) not (?:even )?(?:answer|address|help with|solve|fix|respond to) (?:my|the)"
                    + " (?:question|questions|problem|issue)\\b", STRONG),
            FrustrationCue.of("\\bnot even close\\b|\\b(?:going|getting) nowhere\\b|\\bnot getting anywhere\\b", STRONG),
            FrustrationCue.of("\\bthanks? for nothing\\b", STRONG),
            // you do not understand
            FrustrationCue.of("\\byou (?:\\w+ ){0,2}?(?:not|never|no longer) (?:\\w+ )?(?:understand|understanding|listening"
                    + "|listen|get it|getting it|getting me|read|reading|help|helping|answering|answer|making sense|make sense"
                    + "|useful|helpful)\\b", STRONG),
            FrustrationCue.of("\\bwhy (?:will|do|does|can|did|would|could|are|is) not (?:you|the bot|this bot)\\b", MEDIUM),
            FrustrationCue.of("\\bwhy (?:can|do|are|is|does) (?:you|the bot|this bot) (?:so |still |never |always )", MEDIUM),
            FrustrationCue.of("\\b(?:just |simply )answer (?:the|my) questions?\\b", MEDIUM),
            FrustrationCue.of("\\bare you (?:even |actually |seriously |really )?(?:listening|reading|serious|kidding"
                    + "|joking|stupid|dumb|broken|an idiot|kidding me)\\b", STRONG),
            FrustrationCue.of("(?<!\\bis )(?<!\\bwas )\\b" + SUBJECT + "(?: is| are| was| were)? " + INTENSITY + "wrong\\b", STRONG),
            FrustrationCue.of("\\byou (?:have|ve) no (?:idea|clue)\\b|\\byou do not (?:even )?know what you\\b", STRONG),
            FrustrationCue.of("\\bwrong (?:again|answer|answers|reply|response|information)\\b|\\b(?:still|nope|no) wrong\\b", MEDIUM),
            FrustrationCue.of("\\bhow (?:bad|terrible|awful|useless|slow|broken|stupid) (?:this|it|that|you|your \\w+)"
                    + " (?:is|are)\\b", STRONG),
            FrustrationCue.of("\\b(?:makes|make|made|making) (?:no|zero|little) sense\\b|\\b(?:does|do|did) not make "
                    + "(?:any )?sense\\b", STRONG),
            // I am repeating myself
            FrustrationCue.of("\\b(?:already|just) (?:told|said|asked|explained|answered|mentioned)\\b", STRONG),
            FrustrationCue.of("\\balready (?:tried|did|done)\\b", WEAK),
            FrustrationCue.of("\\b(?:told|said|asked|explained|written|wrote)(?: you)?(?: this| that| it)? (?:already|before"
                    + "|twice|again|(?:\\w+ )?times)\\b", STRONG),
            FrustrationCue.of("\\b(?:same|identical) (?:answer|reply|response|message|nonsense|link|article|thing again)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:again|still) the same (?:thing|answer|reply|response|message)\\b", MEDIUM),
            FrustrationCue.of("\\bfor the (?:\\w+ )?(?:second|third|fourth|fifth|tenth|nth|last|hundredth|millionth"
                    + "|\\d+(?:st|nd|rd|th)?) time\\b", STRONG),
            FrustrationCue.of("\\b(?:you|it|the bot|this bot|this thing) keeps? (?:on )?\\w+ing\\b", MEDIUM),
            FrustrationCue.of("\\bkeep (?:getting|receiving|seeing) (?:the )?same\\b", MEDIUM),
            FrustrationCue.of("\\b(?:again and again|over and over|round in circles|around in circles|going in circles"
                    + "|broken record|repeating yourself|repeat yourself)\\b", STRONG),
            FrustrationCue.of("\\bagain\\b", 0.25),
            // my patience is running out
            FrustrationCue.of("\\b(?:losing|lost|running out of|out of|testing my|trying my) (?:my |all )?patience\\b", STRONG),
            FrustrationCue.of("\\bi give up\\b|\\bgiving up\\b|\\bforget it\\b|\\bi quit\\b", STRONG),
            FrustrationCue.of("\\bi am done\\b", MEDIUM),
            FrustrationCue.of("\\b(?:waste|wasting|wasted) (?:of )?(?:my |our )?(?:time|money)\\b", STRONG),
            FrustrationCue.of("\\bwhat a (?:joke|mess|waste|nightmare|disaster|farce|ripoff|rip off|scam|pain)\\b", STRONG),
            FrustrationCue.of("\\bfed up\\b|\\bsick (?:and tired )?of\\b|\\btired of\\b|\\bhad enough\\b"
                    + "|\\benough (?:is enough|already)\\b", STRONG),
            FrustrationCue.of("\\bwhy is (?:this|it|that|everything) so (?:hard|difficult|complicated|slow)\\b", MEDIUM),
            // how I feel about it
            FrustrationCue.of("\\b" + SUBJECT + "(?: is| are| was| were| has been| have been)? " + INTENSITY
                    + "(?:useless|pointless|ridiculous|stupid|dumb|terrible|horrible|awful|pathetic|a joke|hopeless"
                    + "|garbage|rubbish|trash|annoying|frustrating|infuriating|unacceptable|incompetent|the worst|worthless"
                    + "|broken|bad|crap|nonsense|absurd|insane|a nightmare|a disaster|a mess)\\b", STRONG),
            FrustrationCue.of("\\bi am (?:feeling |getting |so |really |very |extremely |pretty |quite |seriously )*"
                    + "(?:angry|annoyed|frustrated|upset|mad|furious|pissed|irritated|fed up|disappointed|livid"
                    + "|exasperated|fuming)\\b", STRONG),
            FrustrationCue.of("\\b(?:hate|hated|hating) (?:this|that|it|you|your|bots|chatbots|the bot)\\b", STRONG),
            FrustrationCue.of("\\b(?:this|it|that|you) (?:sucks|stinks|blows)\\b", STRONG),
            // exclamations that only count together with another cue
            FrustrationCue.of("\\bwhat the (?:hell|heck|fuck|f)\\b", MEDIUM),
            FrustrationCue.of("\\b(?:omg|wtf|ffs|smh|ugh+|argh+|jeez|geez|come on|oh my god|good grief|unbelievable"
                    + "|seriously|are you kidding|you are kidding)\\b", 0.4),
            FrustrationCue.of("^(?:\\w+ )?(?:stop|stop it|just stop|stop please|please stop)$", WEAK));

    private EnglishFrustrationPhrases() {
    }
}
