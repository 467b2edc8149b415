package io.handoff.router.messaging;

import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.router.persistence.SettingsRepository;
import io.handoff.router.persistence.StoredSettings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes settings to the compacted {@code handoff.chatbot-settings} topic, the way other services
 * learn about a change without a restart. Everything is re-published on start, so the topic converges
 * on the database even if a publish was lost.
 */
@ApplicationScoped
public class SettingsPublisher {

    private static final Logger LOG = Logger.getLogger(SettingsPublisher.class);

    private final MutinyEmitter<ChatbotSettingsSnapshot> emitter;
    private final SettingsRepository repository;

    public SettingsPublisher(@Channel(Channels.CHATBOT_SETTINGS) MutinyEmitter<ChatbotSettingsSnapshot> emitter,
                             SettingsRepository repository) {
        this.emitter = emitter;
        this.repository = repository;
    }

    void republishAll(@Observes StartupEvent start) {
        List<StoredSettings> all = repository.findAll();
        all.forEach(this::publish);
        LOG.infof("published the settings of %d chatbot(s)", all.size());
    }

    /** Sends the snapshot and waits for the broker's acknowledgement. */
    public void publish(StoredSettings stored) {
        ChatbotSettingsSnapshot snapshot = new ChatbotSettingsSnapshot(null, UUID.randomUUID().toString(),
                Instant.now(), stored.chatbotId(), stored.version(), stored.settings());
        emitter.sendMessageAndAwait(KafkaRecord.of(stored.chatbotId(), snapshot));
    }

    /** A tombstone: compaction eventually removes the chatbot from the topic. */
    public void publishDeletion(String chatbotId) {
        emitter.sendMessageAndAwait(KafkaRecord.of(chatbotId, null));
    }
}
