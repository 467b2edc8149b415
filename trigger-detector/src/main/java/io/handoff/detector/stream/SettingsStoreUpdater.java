package io.handoff.detector.stream;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps the global settings store in step with {@code handoff.chatbot-settings}: every instance holds
 * every chatbot's settings, so a change applies to the very next message of any conversation.
 */
public class SettingsStoreUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = Logger.getLogger(SettingsStoreUpdater.class);

    private final EventDecoder decoder = new EventDecoder();
    private KeyValueStore<String, ChatbotSettings> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DetectorTopology.SETTINGS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            ChatbotSettingsSnapshot snapshot = decoder.decode(record.value(), ChatbotSettingsSnapshot.class);
            store.put(snapshot.chatbotId(), snapshot.settings());
        } catch (InvalidEventException e) {
            // The router validates before publishing; an unreadable snapshot keeps the previous settings.
            LOG.errorf("settings snapshot for chatbot %s ignored: %s", record.key(), e.getMessage());
        }
    }
}
