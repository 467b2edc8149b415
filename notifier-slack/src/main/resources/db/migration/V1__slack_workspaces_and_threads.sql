-- A Slack workspace the app is installed in, with the bot token it granted. The token is a secret:
-- it is read only to call Slack and never leaves the service.
CREATE TABLE slack_installation (
    team_id      TEXT PRIMARY KEY,
    team_name    TEXT,
    bot_user_id  TEXT,
    bot_token    TEXT        NOT NULL,
    installed_at TIMESTAMPTZ NOT NULL
);

-- Which workspace and channel a chatbot's escalations go to.
CREATE TABLE slack_connection (
    chatbot_id   TEXT PRIMARY KEY,
    team_id      TEXT        NOT NULL REFERENCES slack_installation (team_id),
    channel_id   TEXT        NOT NULL,
    channel_name TEXT,
    connected_at TIMESTAMPTZ NOT NULL
);

-- One-time OAuth `state` values: issued by an authenticated install request, consumed by the callback.
CREATE TABLE slack_install_state (
    state      TEXT PRIMARY KEY,
    chatbot_id TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

-- The Slack message posted for an escalation: its thread receives later events and agents' replies.
CREATE TABLE slack_thread (
    escalation_id   TEXT PRIMARY KEY,
    chatbot_id      TEXT        NOT NULL,
    conversation_id TEXT        NOT NULL,
    team_id         TEXT        NOT NULL,
    channel_id      TEXT        NOT NULL,
    thread_ts       TEXT        NOT NULL,
    command         TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'open',
    status_by       TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX slack_thread_by_message ON slack_thread (team_id, channel_id, thread_ts);
CREATE INDEX slack_thread_by_conversation ON slack_thread (chatbot_id, conversation_id, created_at DESC);
