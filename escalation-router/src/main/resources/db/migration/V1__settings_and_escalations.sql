-- Chatbot settings: the document as the API shows it (no secrets), and the webhook signing secret
-- kept in its own column so that serialising the document can never leak it.
CREATE TABLE chatbot_settings (
    chatbot_id             TEXT PRIMARY KEY,
    settings               JSONB       NOT NULL,
    webhook_signing_secret TEXT,
    version                BIGINT      NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

-- One row per escalation the router has seen; the primary key makes a redelivered event a no-op.
CREATE TABLE escalation (
    escalation_id   TEXT PRIMARY KEY,
    chatbot_id      TEXT        NOT NULL,
    conversation_id TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('RECEIVED', 'ROUTED', 'UNROUTED')),
    event           JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    routed_at       TIMESTAMPTZ
);
CREATE INDEX escalation_chatbot_created ON escalation (chatbot_id, created_at);

-- The latest reported outcome per delivery.
CREATE TABLE delivery (
    delivery_id   TEXT PRIMARY KEY,
    escalation_id TEXT        NOT NULL,
    channel       TEXT        NOT NULL,
    target        TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    attempt       INT         NOT NULL,
    detail        TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX delivery_escalation ON delivery (escalation_id);
