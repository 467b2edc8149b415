package io.handoff.detector.stream;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.json.JsonSerde;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RememberingSerdeTest {

    private static final String TOPIC = "handoff-trigger-detector-conversations-changelog";

    private final RememberingSerde<ConversationState> serde = new RememberingSerde<>(new JsonSerde<>(ConversationState.class));

    private static ConversationState state(String text) {
        ChatbotRef chatbot = new ChatbotRef(ExternalId.of("bot-1"), "Acme");
        ConversationRef conversation = new ConversationRef(ExternalId.of("conv-1"), "web", "en");
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        return ConversationState.start(chatbot, conversation, at).withMessage(MessageRole.VISITOR, text, at, 20);
    }

    @Test
    void theArrayItWroteReadsBackAsTheObjectThatWasWritten() {
        ConversationState written = state("where is my order?");
        byte[] bytes = serde.serializer().serialize(TOPIC, written);

        assertSame(written, serde.deserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void theSameArrayIsDecodedOnceAndAnEqualCopyIsDecodedAgain() {
        byte[] stored = new JsonSerde<>(ConversationState.class).serializer().serialize(TOPIC, state("refund please"));
        CountingSerde counting = new CountingSerde();
        RememberingSerde<ConversationState> remembering = new RememberingSerde<>(counting);
        Deserializer<ConversationState> reader = remembering.deserializer();

        ConversationState first = reader.deserialize(TOPIC, stored);
        ConversationState again = reader.deserialize(TOPIC, stored);
        ConversationState copy = reader.deserialize(TOPIC, stored.clone());

        assertSame(first, again);
        assertEquals(first, copy);
        assertNotSame(first, copy);
        assertEquals(2, counting.decoded.get(), "a fresh array (a RocksDB read) is decoded; the same array is not");
        assertEquals("refund please", first.lastVisitorMessage());
    }

    @Test
    void itWritesWhatTheEncodingWritesAndPassesNullThrough() {
        ConversationState value = state("hello");
        byte[] plain = new JsonSerde<>(ConversationState.class).serializer().serialize(TOPIC, value);

        assertArrayEquals(plain, serde.serializer().serialize(TOPIC, value));
        assertNull(serde.serializer().serialize(TOPIC, null));
        assertNull(serde.deserializer().deserialize(TOPIC, null));
    }

    @Test
    void arraysNoStoreHoldsAnyMoreAreForgotten() throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            serde.serializer().serialize(TOPIC, state("message " + i));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (serde.remembered() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, serde.remembered());
    }

    /** The JSON encoding, counting how often it decodes. */
    private static final class CountingSerde implements Serde<ConversationState> {
        private final JsonSerde<ConversationState> json = new JsonSerde<>(ConversationState.class);
        private final AtomicInteger decoded = new AtomicInteger();

        @Override
        public org.apache.kafka.common.serialization.Serializer<ConversationState> serializer() {
            return json.serializer();
        }

        @Override
        public Deserializer<ConversationState> deserializer() {
            Deserializer<ConversationState> inner = json.deserializer();
            return (topic, bytes) -> {
                decoded.incrementAndGet();
                return inner.deserialize(topic, bytes);
            };
        }
    }
}
