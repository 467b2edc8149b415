package io.handoff.router.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chatbot settings in PostgreSQL. The secret lives in its own column and is re-attached on read. */
@ApplicationScoped
public class SettingsRepository {

    private final DataSource dataSource;

    public SettingsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredSettings> find(String chatbotId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT chatbot_id, settings, webhook_signing_secret, version, updated_at FROM chatbot_settings WHERE chatbot_id = ?")) {
            ps.setString(1, chatbotId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read settings", e);
        }
    }

    public List<StoredSettings> findAll() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT chatbot_id, settings, webhook_signing_secret, version, updated_at FROM chatbot_settings ORDER BY chatbot_id");
             ResultSet rs = ps.executeQuery()) {
            List<StoredSettings> all = new ArrayList<>();
            while (rs.next()) {
                all.add(read(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new PersistenceException("cannot read settings", e);
        }
    }

    /** Inserts or replaces; the version increases by one with every save. */
    public StoredSettings save(String chatbotId, ChatbotSettings settings) {
        String secret = settings.webhook().signingSecret();
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO chatbot_settings (chatbot_id, settings, webhook_signing_secret, version, updated_at)
                     VALUES (?, ?::jsonb, ?, 1, ?)
                     ON CONFLICT (chatbot_id) DO UPDATE
                        SET settings = EXCLUDED.settings,
                            webhook_signing_secret = EXCLUDED.webhook_signing_secret,
                            version = chatbot_settings.version + 1,
                            updated_at = EXCLUDED.updated_at
                     RETURNING version""")) {
            ps.setString(1, chatbotId);
            ps.setString(2, EventJson.mapper().writeValueAsString(settings));
            ps.setString(3, secret == null || secret.isEmpty() ? null : secret);
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StoredSettings(chatbotId, settings, rs.getLong(1), now);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new PersistenceException("cannot save settings", e);
        }
    }

    public boolean delete(String chatbotId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM chatbot_settings WHERE chatbot_id = ?")) {
            ps.setString(1, chatbotId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new PersistenceException("cannot delete settings", e);
        }
    }

    private static StoredSettings read(ResultSet rs) throws SQLException {
        try {
            ChatbotSettings settings = EventJson.mapper().readValue(rs.getString("settings"), ChatbotSettings.class);
            WebhookSettings webhook = settings.webhook().withSigningSecret(rs.getString("webhook_signing_secret"));
            return new StoredSettings(rs.getString("chatbot_id"), settings.withWebhook(webhook),
                    rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new PersistenceException("stored settings of " + rs.getString("chatbot_id") + " are unreadable", e);
        }
    }
}
