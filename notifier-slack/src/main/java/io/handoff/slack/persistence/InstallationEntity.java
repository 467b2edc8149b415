package io.handoff.slack.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A Slack workspace the app is known in, by name; the tokens belong to the connections. */
@Entity
@Table(name = "slack_installation")
public class InstallationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "team_id")
    public String teamId;

    @Column(name = "team_name")
    public String teamName;

    @Column(name = "installed_at", nullable = false)
    public Instant installedAt;
}
