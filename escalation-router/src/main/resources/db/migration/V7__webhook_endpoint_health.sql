-- A chatbot's webhook endpoint that is not healthy: FAILING once a delivery failed every attempt of the
-- notifier's retry schedule (deliveries go on), DISABLED once it answered 410 Gone (webhooks were switched
-- off). No row: healthy. The row names the URL it is about, so a changed URL starts healthy.
CREATE TABLE webhook_endpoint_health (
    chatbot_id TEXT PRIMARY KEY REFERENCES chatbot_settings (chatbot_id) ON DELETE CASCADE,
    url        TEXT        NOT NULL,
    state      TEXT        NOT NULL CHECK (state IN ('FAILING', 'DISABLED')),
    since      TIMESTAMPTZ NOT NULL,
    reason     TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);
