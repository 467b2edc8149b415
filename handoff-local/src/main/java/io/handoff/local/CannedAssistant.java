package io.handoff.local;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The demo chatbot's AI as the visitor simulator plays it: a few canned answers it is sure of, and
 * a low-confidence answer for anything else, so the detector's "AI not confident" signal can be seen
 * at work. Complaints make it suggest a person itself.
 */
final class CannedAssistant {

    /** What the AI says, and its own assessment as the {@code ai} block of {@code message.created} carries it. */
    record Answer(String text, double confidence, boolean handoffSuggested) {
    }

    private record Topic(Pattern pattern, Answer answer) {
    }

    static final Answer UNSURE = new Answer(
            "I'm not sure I can help with that; I don't have any information about it.", 0.25, false);

    private static final List<Topic> TOPICS = List.of(
            topic("complain|complaint|broken|damaged|lawyer|legal", new Answer(
                    "I'm sorry to hear that. This is something a person from our team should look at.", 0.4, true)),
            topic("person|human|agent|someone|somebody|representative|staff", new Answer(
                    "I can try to answer, and I can also ask someone from the team to join.", 0.6, false)),
            topic("hours?|open|opening|closed?", new Answer(
                    "We're open Monday to Friday, 9:00 to 17:00.", 0.9, false)),
            topic("ship|shipping|shipped|deliver|delivery|track|tracking", new Answer(
                    "Orders ship within 2 working days and arrive 3 to 5 working days later; the tracking link comes by email.",
                    0.88, false)),
            topic("return|returns|refund|refunds|exchange", new Answer(
                    "You can return any item within 30 days of delivery for a full refund.", 0.86, false)),
            topic("price|prices|pricing|cost|costs|plan|plans", new Answer(
                    "Our plans start at 19 EUR a month; the annual plan gives you two months free.", 0.8, false)),
            topic("hi|hello|hey|good morning|good afternoon|good evening", new Answer(
                    "Hello! I can tell you about opening hours, shipping, returns and prices.", 0.95, false)));

    private static Topic topic(String words, Answer answer) {
        return new Topic(Pattern.compile("\\b(" + words + ")\\b"), answer);
    }

    /** The answer to a visitor's message: the first topic it mentions, else {@link #UNSURE}. */
    Answer answer(String visitorText) {
        String text = visitorText.toLowerCase(Locale.ROOT);
        for (Topic topic : TOPICS) {
            if (topic.pattern().matcher(text).find()) {
                return topic.answer();
            }
        }
        return UNSURE;
    }
}
