-- The Slack workspace connected to each chatbot, as notifier-slack announces it on the compacted
-- handoff.slack-connections topic (never a token). updated_at is the occurredAt of the event applied
-- last, so a replayed older event is recognised and ignored. A chatbot without a row has no Slack.
CREATE TABLE slack_connection (
    chatbot_id   TEXT PRIMARY KEY,
    team_id      TEXT        NOT NULL,
    team_name    TEXT,
    channel_id   TEXT        NOT NULL,
    channel_name TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Where an escalation was posted on Slack, chosen when it was routed: the SLA reminder goes into
-- that thread. And the delivery id of the Slack reminder once it was sent.
ALTER TABLE escalation ADD COLUMN slack_team_id              TEXT;
ALTER TABLE escalation ADD COLUMN slack_channel              TEXT;
ALTER TABLE escalation ADD COLUMN reminder_slack_delivery_id TEXT;
