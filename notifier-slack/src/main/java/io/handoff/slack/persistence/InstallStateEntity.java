package io.handoff.slack.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A one-time OAuth {@code state}: issued by an authenticated install request, used up by the callback. */
@Entity
@Table(name = "slack_install_state")
public class InstallStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "state")
    public String state;

    @Column(name = "chatbot_id", nullable = false)
    public String chatbotId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
