-- Who holds a LIVE conversation, by name as the visitor sees it, and whether the visitor has been
-- told (livechat.started acknowledged by the broker). A claim that was stored but not announced is
-- announced again when the command is redelivered.
ALTER TABLE live_chat_session ADD COLUMN agent_name text;
ALTER TABLE live_chat_session ADD COLUMN started_announced boolean NOT NULL DEFAULT false;

-- Agent messages already passed to the visitor, by their stable message id, so a redelivered command
-- is not shown twice.
CREATE TABLE agent_message (
    message_id      text        PRIMARY KEY,
    conversation_id text        NOT NULL,
    agent_id        text        NOT NULL,
    sent_at         timestamptz NOT NULL DEFAULT now()
);
