package io.handoff.local;

import io.handoff.events.Topics;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records no well-behaved producer writes: not JSON, values of the wrong type, required fields
 * missing, an unknown event type, bytes that are not UTF-8, a value of about a megabyte. Each must
 * end on the topic's dead-letter topic, once per consuming service, with a reason that names the
 * problem.
 */
final class PoisonRecords {

    /** About a megabyte: the broker's default limit is 1 MiB, so the dead-letter copy with its headers fits too. */
    static final int ONE_MEGABYTE = 1_000_000;

    /**
     * @param consumers how many services read the topic, and so how many dead-letter copies there are
     * @param reason    a part of the {@code dead-letter-reason} (or {@code dead-letter-cause}) that says what is wrong
     */
    record Poison(String topic, String kind, String key, byte[] value, int consumers, String reason) {
    }

    private PoisonRecords() {
    }

    static List<Poison> all(String chatbotId, String run) {
        List<Poison> all = new ArrayList<>();
        all.addAll(conversationEvents(chatbotId, run));
        all.addAll(internal(Topics.ESCALATIONS, 2, "escalation.created", run));
        all.addAll(internal(Topics.NOTIFY_WEBHOOK, 1, "notify.webhook", run));
        return all;
    }

    /**
     * The inbound topic, read by three services: the detector, the gateway (live chat) and the router
     * (conversation counts for the statistics).
     */
    private static List<Poison> conversationEvents(String chatbotId, String run) {
        String topic = Topics.CONVERSATION_EVENTS;
        String head = "{\"type\": \"message.created\", \"eventId\": \"poison-" + run + "\", \"occurredAt\": \"2026-02-09T12:00:00Z\","
                + " \"chatbot\": {\"id\": \"" + chatbotId + "\"}, \"visitor\": {\"id\": \"v-poison\"},";
        String conversation = " \"conversation\": {\"id\": \"poison-" + run + "\", \"channel\": \"web\", \"locale\": \"en\"},";
        List<Poison> all = new ArrayList<>();
        all.add(poison(topic, "invalid JSON", run, bytes(head + " \"message\": {\"id\": \"m-1\", \"text\": "), 3, "malformed JSON"));
        all.add(poison(topic, "wrong type", run,
                bytes(head + conversation + " \"message\": {\"id\": \"m-1\", \"role\": \"visitor\", \"text\": 42}}"), 3, "text: integer found"));
        all.add(poison(topic, "missing field", run,
                bytes(head + " \"message\": {\"id\": \"m-1\", \"role\": \"visitor\", \"text\": \"Can I talk to a person?\"}}"),
                3, "conversation"));
        all.add(poison(topic, "unknown type", run, bytes(head.replace("message.created", "message.deleted") + conversation
                + " \"message\": {\"id\": \"m-1\", \"role\": \"visitor\", \"text\": \"hello\"}}"), 3, "message.deleted"));
        all.add(poison(topic, "not an object", run, bytes("[\"message.created\"]"), 3, "JSON object"));
        all.add(poison(topic, "empty value", run, new byte[0], 3, "empty"));
        // The next two are valid JSON events but for their bytes. The gateway and the router read values
        // as text and take them in (docs/reliability.md); the detector refuses them: one copy.
        all.add(poison(topic, "invalid UTF-8", run, concat(bytes(head + conversation
                + " \"message\": {\"id\": \"m-1\", \"role\": \"visitor\", \"text\": \"Can I talk to a "),
                new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, bytes(" person?\"}}")), 1, "not valid UTF-8"));
        String big = head + conversation + " \"message\": {\"id\": \"m-1\", \"role\": \"visitor\", \"text\": \"Can I talk to a person? ";
        all.add(poison(topic, "one megabyte", run, bytes(big + "a".repeat(ONE_MEGABYTE - big.length() - 3) + "\"}}"), 1,
                "more than the 32768 bytes"));
        return all;
    }

    /** A topic our own services write, read by {@code consumers} services expecting {@code type}. */
    private static List<Poison> internal(String topic, int consumers, String type, String run) {
        String head = "{\"type\": \"" + type + "\", \"eventId\": \"poison-" + run + "\", \"occurredAt\": \"2026-02-09T12:00:00Z\"";
        List<Poison> all = new ArrayList<>();
        all.add(poison(topic, "invalid JSON", run, bytes(head + ", \"escalationId\": "), consumers, "malformed JSON"));
        all.add(poison(topic, "wrong type", run, bytes(head.replace("\"2026-02-09T12:00:00Z\"", "42") + "}"), consumers,
                "occurredAt: integer found"));
        all.add(poison(topic, "missing field", run, bytes(head + "}"), consumers, "required"));
        all.add(poison(topic, "unknown type", run, bytes(head.replace(type, type + "-v9") + "}"), consumers, type + "-v9"));
        // these consumers read values as text: bytes that are not UTF-8 become replacement characters,
        // which are not JSON
        all.add(poison(topic, "not UTF-8", run, new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28, '{', '}'},
                consumers, "malformed JSON"));
        String big = head + ", \"padding\": \"";
        all.add(poison(topic, "one megabyte", run, bytes(big + "p".repeat(ONE_MEGABYTE - big.length())), consumers,
                "malformed JSON"));
        return all;
    }

    static boolean isUtf8(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Poison poison(String topic, String kind, String run, byte[] value, int consumers, String reason) {
        String key = "poison-" + run + "-" + topic + "-" + kind.replace(' ', '-');
        return new Poison(topic, kind, key, value, consumers, reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
