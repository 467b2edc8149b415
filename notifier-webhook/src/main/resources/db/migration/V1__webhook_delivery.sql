-- One row per webhook delivery (escalation x URL). It is the notifier's log of outcomes, its schedule
-- of pending retries (so a restart loses none) and the list of failed deliveries an operator can replay.
CREATE TABLE webhook_delivery (
    delivery_id     TEXT PRIMARY KEY,
    escalation_id   TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    command         TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('DELIVERED', 'RETRY_SCHEDULED', 'FAILED')),
    attempts        INT         NOT NULL,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'RETRY_SCHEDULED';
CREATE INDEX webhook_delivery_failed ON webhook_delivery (updated_at) WHERE status = 'FAILED';
