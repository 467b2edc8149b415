package io.handoff.detector.stream;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.json.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationStateSerdeTest {

    private static final String TOPIC = "handoff-trigger-detector-conversations-changelog";
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456789Z");

    private final ConversationStateSerde serde = new ConversationStateSerde();

    private static ConversationState everyFieldSet() {
        List<TranscriptEntry> window = new ArrayList<>();
        window.add(new TranscriptEntry(MessageRole.VISITOR, "Où est ma commande ? 📦", AT));
        window.add(new TranscriptEntry(MessageRole.ASSISTANT, "It ships tomorrow.", AT.plusSeconds(2)));
        window.add(new TranscriptEntry(MessageRole.AGENT, "", AT.plusSeconds(3)));
        window.add(new TranscriptEntry(MessageRole.VISITOR, "x".repeat(70_000), AT.plusSeconds(4)));
        Signal trigger = new Signal("human_request", 0.93, "talk to a person");
        return new ConversationState(new ChatbotRef(ExternalId.of("bot-1"), "Acme Support"),
                new ConversationRef(ExternalId.of(456), "web", "fr"),
                new VisitorRef(ExternalId.of(123), "jane@example.com", "Jane", "Doe", "+33 1 23 45 67 89"),
                window, ConversationState.Stage.CONTACT_REQUESTED, trigger,
                List.of(trigger, new Signal("frustration", 0.6, null)), "esc-42", 300, 2, true, true,
                AT.minusSeconds(600), AT.minusSeconds(3600), true);
    }

    private ConversationState roundTrip(ConversationState state) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, state));
    }

    @Test
    void aStateWithEveryFieldSetReadsBackEqual() {
        ConversationState state = everyFieldSet();

        assertThat(roundTrip(state)).isEqualTo(state);
    }

    @Test
    void aNewConversationWithoutVisitorOrPendingSignalsReadsBackEqual() {
        ConversationState state = ConversationState.start(new ChatbotRef(ExternalId.of(7), null),
                new ConversationRef(ExternalId.of("c-1"), null, null), Instant.ofEpochSecond(0));

        ConversationState read = roundTrip(state);

        assertThat(read).isEqualTo(state);
        assertThat(read.chatbot().id().numeric()).isTrue();
        assertThat(read.visitor()).isNull();
        assertThat(read.declinedAt()).isNull();
    }

    @Test
    void everyStageAndRoleReadsBackAsItself() {
        for (ConversationState.Stage stage : ConversationState.Stage.values()) {
            ConversationState state = everyFieldSet().change().stage(stage).build();
            assertThat(roundTrip(state).stage()).isEqualTo(stage);
        }
        for (MessageRole role : MessageRole.values()) {
            ConversationState state = everyFieldSet().withMessage(role, "hi", AT, 20);
            assertThat(roundTrip(state).window()).last().extracting(TranscriptEntry::role).isEqualTo(role);
        }
    }

    @Test
    void aStateWrittenAsJsonByAnEarlierVersionIsStillRead() {
        ConversationState state = everyFieldSet();
        byte[] json = new JsonSerde<>(ConversationState.class).serializer().serialize(TOPIC, state);

        assertThat(serde.deserializer().deserialize(TOPIC, json)).isEqualTo(state);
    }

    @Test
    void theStoredFormIsAFractionOfTheJson() {
        ConversationState state = ConversationState.start(new ChatbotRef(ExternalId.of("bot-1"), "Acme"),
                new ConversationRef(ExternalId.of("conv-1"), "web", "en"), AT);
        for (int i = 0; i < 20; i++) {
            state = state.withMessage(i % 2 == 0 ? MessageRole.VISITOR : MessageRole.ASSISTANT,
                    "Where is my order number " + i + "?", AT.plusSeconds(i), 20);
        }
        byte[] binary = serde.serializer().serialize(TOPIC, state);
        byte[] json = new JsonSerde<>(ConversationState.class).serializer().serialize(TOPIC, state);

        assertThat(binary[0]).isEqualTo((byte) ConversationStateSerde.FORMAT_V1);
        assertThat(binary.length).isLessThan(json.length / 2);
    }

    @Test
    void aStoredValueInAnUnknownFormatIsRefusedWithTheReason() {
        byte[] bytes = serde.serializer().serialize(TOPIC, everyFieldSet());
        bytes[0] = 0x02;

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown state format 2")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void aTruncatedOrLengthenedStateIsRefusedRatherThanMisread() {
        byte[] bytes = serde.serializer().serialize(TOPIC, everyFieldSet());

        for (int cut : new int[]{1, 2, 10, bytes.length / 2, bytes.length - 1}) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                    .as("cut at %d of %d bytes", cut, bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1 unread bytes");
    }

    @Test
    void theVisitorsWordsAreStoredAsUtf8() {
        byte[] bytes = serde.serializer().serialize(TOPIC, everyFieldSet());

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Où est ma commande ? 📦");
    }

    @Test
    void nullStaysNull() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }
}
