package io.handoff.detector.signal;

import java.util.List;

/**
 * English ways of asking for a person, built from a few word sets rather than example sentences: a
 * contact verb ("talk", "speak", "chat") or a transfer verb ("connect me", "put me through") or a
 * wish ("I need", "I'd like") followed by someone who is a person ("an agent", "a real human", "your
 * support team"); questions about whether a person exists ("is there a human I can talk to");
 * call-back requests; and one-word requests ("agent", "operator please").
 *
 * <p>Who counts as a person is deliberately narrower after a wish than after a contact verb: "talk to
 * your agents" asks for people, "how many agents can I add" does not, so plural nouns only follow
 * contact verbs. Words that are people only in other compounds ("real estate agent", "AI agent") are
 * excluded by listing the modifiers that keep a noun human, not the ones that do not.
 */
final class EnglishHumanRequests {

    static final String DET = "(?:(?:a|an|the|some|any|your|my|one of your|one of the|someone from|somebody from"
            + "|another|other|a different) )?";
    static final String MOD = "(?:(?:real|live|actual|proper|genuine|human|different|other|customer service"
            + "|customer support|customer care|customer service|service|support|sales|tech|technical|billing|account"
            + "|senior|qualified|knowledgeable|competent|experienced|english speaking|flesh and blood) )*";
    static final String CORE = "(?:person|human being|human|agent|representative|rep|operator|someone|somebody|anyone"
            + "|anybody|staff member|team member|member of (?:staff|your team|the team)|manager|supervisor|advisor"
            + "|adviser|consultant|specialist|employee|associate|colleague|coworker|co worker|worker|boss"
            + "|someone in charge|somebody in charge)";
    static final String GROUP = "(?:customer service|customer support|customer care|support team|support staff|support"
            + "|staff|team|help desk|helpdesk|service desk|live support|live chat|sales|billing|someone else"
            + "|somebody else|(?:the |your )?(?:\\w+ )?(?:department|dept))";
    static final String PLURAL = "(?:agents|representatives|reps|operators|managers|supervisors|employees|advisors"
            + "|advisers|consultants|specialists|colleagues|coworkers|staff members|team members|people|humans)";
    private static final String ANY_PERSON = "(?:" + CORE + "|" + GROUP + "|" + PLURAL + ")";
    private static final String ONE_PERSON = "(?:" + CORE + "|" + GROUP + "|one of (?:your|the|our"
            + "|their) " + PLURAL + ")";
    private static final String CASE = "(?: me| us| this(?: chat| conversation| case| issue| ticket| request| question"
            + "| call)?| my (?:case|issue|ticket|chat|request|query|question|problem|complaint|conversation|call))";
    private static final String CALLER = "(?:someone|somebody|anyone|anybody|(?:a|an|the|your) (?:real |live "
            + "|human )?(?:person|human|agent|representative|rep|operator|manager|supervisor|team|support team"
            + "|sales team|sales rep|specialist)|your team|support|customer service|sales)(?: from (?:the "
            + "|your )?\\w+(?: team| department)?)?";

    static final List<RequestPattern> PATTERNS = List.of(
            // talk / speak / chat with a person
            RequestPattern.of("\\b(?:talk|talking|speak|speaking|chat|chatting|converse|communicate|have a word"
                    + "|get in touch|be in touch|get in contact|be in contact|a call|phone call|video call"
                    + "|discuss (?:this|it|that)|deal|deal directly|dealing|work this out|sort this out) (?:directly "
                    + "|right now |now |quickly |please |again |briefly )?(?:to"
                    + "|with) " + DET + MOD + ANY_PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:contact|contacting|reach|reaching|get hold of|get ahold of|get through to"
                    + "|getting through to) " + DET + MOD + ONE_PERSON + "\\b", 0.9),
            // transfer me / get me a person
            RequestPattern.of("\\bget (?:me|us|this|my (?:case|issue|question|chat)) (?:over "
                    + "|through )?to " + DET + MOD + ONE_PERSON
                    + "\\b", 0.9),
            RequestPattern.of("\\b(?:give|put|transfer|connect|pass|send|route|forward|hand|switch|redirect|move|patch"
                    + "|take|escalate|refer|direct)" + CASE + "(?: over| through| back| across| on| up)? (?:to |with "
                    + "|through to |into |onto |over to |in touch with |in contact with )?" + DET + MOD + ONE_PERSON
                    + "\\b", 0.95),
            RequestPattern.of("\\b(?:transfer|connect|forward|redirect|route|escalate|switch)(?: over| through"
                    + "| me)? (?:to|with) " + DET + MOD + ONE_PERSON + "\\b", 0.9),
            RequestPattern.of("\\b(?:can|could|may|might) (?:i|we) (?:please )?(?:have|get"
                    + "|see) " + DET + MOD + CORE + "\\b", 0.9),
            RequestPattern.of("\\b(?:helped|assisted|served|attended to|looked after|handled|contacted"
                    + "|called) by " + DET + MOD
                    + CORE + "\\b", 0.85),
            RequestPattern.of("\\b(?:be|get|getting|being) (?:connected|transferred|put in touch|put in contact"
                    + "|put through|passed|forwarded|sent|routed|escalated|redirected)(?: over| through)? (?:to"
                    + "|with) " + DET + MOD + ONE_PERSON + "\\b", 0.95),
            RequestPattern.of("\\b(?:get|bring|fetch|grab|summon|bring in|call in|loop in|pull in)(?: me"
                    + "| us)? " + DET + MOD + CORE + "\\b", 0.9),
            RequestPattern.of("\\bput (?:a|an|the|some|your) " + MOD + CORE + " on\\b", 0.85),
            RequestPattern.of("\\bfind (?:me|us) " + DET + MOD + CORE + "\\b", 0.85),
            RequestPattern.of("\\blet (?:a|an|the|some|one of your) " + MOD + CORE + " (?:answer|reply|respond|help"
                    + "|take over|handle|look|deal|step in)\\b", 0.85),
            // a wish for a person
            RequestPattern.of("(?<!\\byou )(?<!\\bthey )(?<!\\bit )(?<!\\bdoes )(?<!\\bhe )(?<!\\bshe )\\b(?:want"
                    + "|wanted|need|needed|require|request|requesting|demand|prefer|would like|would rather have"
                    + "|rather have|would love|looking for|asking for|ask for|insist on|would appreciate)(?: to (?:have"
                    + "|get|see|be (?:connected|transferred|put through|passed|sent) to))? "
                    + DET + MOD + "(?:" + CORE + "|human (?:help|support|assistance|contact))\\b", 0.9),
            RequestPattern.of("\\b(?:help|assistance|support|answer|answers|response|advice) from (?:a |an |some |your "
                    + "|the )?(?:real |live |actual |human )*(?:person|human being|human|agent|representative|rep"
                    + "|operator|someone|somebody|staff member|team member|staff|support team|expert|specialist"
                    + "|employee|colleague|member of (?:your |the )?(?:team|staff)|one of your \\w+|your team"
                    + "|the team)\\b", 0.85),
            // a person who is explicitly human
            RequestPattern.of("\\b(?:real|live|actual|genuine|flesh and blood|breathing) (?:person|human being|human"
                    + "|agent|representative|rep|operator|someone|somebody|employee|staff member|member of staff"
                    + "|team member|colleague|customer service agent|support agent|people)\\b", 0.9),
            RequestPattern.of("\\bhuman (?:help|support|assistance|agent|being|contact|interaction|response|operator"
                    + "|representative|rep|please|now|here)\\b|\\bhuman (?:needed|required)\\b(?! (?:to|for|in|by"
                    + "|when)\\b)", 0.9),
            // is there a person
            RequestPattern.of("\\b(?:is there|are there|is their|are their|is|are|do you have|have you got|you have"
                    + "|got)(?: a| an| any| some| any of your| one of your)?(?: real| actual| live)? (?:person"
                    + "|human being|human|humans|agent|representative|rep|operator|someone|somebody|anyone|anybody"
                    + "|staff|people|employees|agents|representatives|operators)\\b(?: \\w+){0,6}? (?:i can|we can"
                    + "|who can|that can|i could|we could|who could|that could|i may|to talk|to speak|to chat|to help"
                    + "|available|there|here|around|online|on the line|in the office|real)\\b", 0.9),
            RequestPattern.of("^(?:hello |hi |hey )*(?:is )?(?:anyone|anybody|someone|somebody|a human|a person"
                    + "|a real person) (?:there|here|around|out there|real|available|home|online|alive)\\b", 0.85),
            RequestPattern.of("^(?:are there |is there )?(?:any|some) (?:real |actual |live )?(?:humans|people|agents"
                    + "|persons|staff|person|human|agent|employees)(?: \\w+){0,3}? (?:there|here|around|available"
                    + "|online|working|on duty|awake)\\b", 0.85),
            RequestPattern.of("\\bwho (?:can|could|do|should|may) (?:i|we) (?:talk|speak|chat)\\b", 0.85),
            // a person should act
            RequestPattern.of("\\b(?:a |an |some |the |one of your )?(?:real |live |actual |human )?(?:person|human"
                    + "|agent|representative|rep|operator|someone|somebody|anyone|anybody|supervisor|manager"
                    + "|staff member|member of staff|team member|employee|colleague)(?: from (?:the |your "
                    + "|our )?\\w+(?: team| department)?)?(?: real| human| else| there| here)? (?:please )?(?:take over"
                    + "|step in|jump in|join (?:this|the|us|me|in)|help me|assist me|look (?:at|into) (?:this|my)"
                    + "|handle (?:this|my)|get involved|come online|take a look|pick (?:this|it) up)\\b", 0.8),
            // call me back
            RequestPattern.of("\\b" + CALLER + " (?:please |can |could |will |would |should |to )?(?:call|ring|phone"
                    + "|email|contact|text|message|reach out to|get back to|get in touch with|follow up with|reach"
                    + "|write to|respond to) (?:me|us)\\b", 0.85),
            RequestPattern.of("\\b(?:call|ring|phone) me(?: back| please| now| today| tomorrow| at| on)\\b", 0.85),
            RequestPattern.of("\\b(?:request|get|want|need|like|schedule|arrange|book|have|ask for|receive) (?:a "
                    + "|an )?(?:call back|callback|call from (?:a|an|someone|somebody|your))\\b", 0.85),
            // escalate
            RequestPattern.of("^(?:please |can you |could you |would you |will you |i want to |i need to "
                    + "|i would like to |want to |need to |let us )?escalate(?: this| me| it| my \\w+| the (?:issue"
                    + "|case|ticket|chat|matter|problem))?(?: please| now| immediately| right now| to (?:a|an|the"
                    + "|your) \\w+(?: \\w+)?)*$", 0.85),
            RequestPattern.of("^(?!(?:how|where|when|what|why|which|does|do|is|are)\\b).*\\bescalate (?:this|me"
                    + "|my (?:case|issue|ticket|complaint|request|problem))\\b", 0.85),
            // one-word requests
            RequestPattern.of("^(?:please |hi |hello |hey |ok |okay )?(?:(?:a|an|the|real|live|actual|human|customer"
                    + "|another|other) )*(?:agent|operator|human being|human|person|representative|rep|supervisor"
                    + "|manager|someone|somebody|anyone|customer service|customer support|customer care|somebody else"
                    + "|someone else|service agent|humans|support agent|sales agent|employee|staff member"
                    + "|member of staff)(?: from (?:the |your )?" + GROUP + ")?(?: please| now| right now| needed"
                    + "| required| thanks| thank you| here| again| already| only| agent| human| person| representative"
                    + "| operator)*$", 0.85),
            RequestPattern.of("^(?:please )?(?:live support|live chat|support|help desk|helpdesk|transfer me|connect me"
                    + "|escalate)(?: please| now| right now)+$", 0.8),
            RequestPattern.of("^(?:please )?(?:transfer|connect|forward) me$", 0.8),
            // not a bot
            RequestPattern.withOwnNegation("\\b(?:not|no more|enough of|tired of|sick of|done with|hate|do not want"
                    + "|rather not|no)(?: to)?(?: (?:talk|talking|speak|speaking|chat|chatting|deal|dealing)(?: to"
                    + "| with)?)?(?: this| a| an| the| your| with| stupid| dumb| automated)* (?:bot|robot|machine"
                    + "|chatbot|ai|automated (?:system|assistant|response|responses|answer|answers|replies)"
                    + "|virtual assistant|computer|auto reply|autoreply)s?\\b", 0.75));

    private EnglishHumanRequests() {
    }
}
