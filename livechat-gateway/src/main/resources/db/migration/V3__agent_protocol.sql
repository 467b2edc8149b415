-- Protocol 2 of the agent WebSocket: conversations the gateway sees before (or without) an
-- escalation, the transcript since the escalation, and the ordered log of what agents are told.

-- A conversation can now be known without an escalation: the bot is answering it (state BOT), and an
-- agent may take it over proactively.
ALTER TABLE live_chat_session ALTER COLUMN escalation_id DROP NOT NULL;
ALTER TABLE live_chat_session ALTER COLUMN escalation DROP NOT NULL;
ALTER TABLE live_chat_session ADD COLUMN chatbot jsonb;
ALTER TABLE live_chat_session ADD COLUMN conversation jsonb;
ALTER TABLE live_chat_session ADD COLUMN last_message text;
ALTER TABLE live_chat_session ADD COLUMN last_active_at timestamptz;
ALTER TABLE live_chat_session ADD COLUMN state_since timestamptz;
-- when the conversation last left the bot (escalated or taken over): its transcript starts here
ALTER TABLE live_chat_session ADD COLUMN opened_at timestamptz;
UPDATE live_chat_session
   SET chatbot = escalation -> 'chatbot',
       conversation = escalation -> 'conversation',
       last_message = escalation ->> 'lastMessage',
       last_active_at = updated_at,
       state_since = updated_at,
       opened_at = created_at;
ALTER TABLE live_chat_session ALTER COLUMN chatbot SET NOT NULL;
ALTER TABLE live_chat_session ALTER COLUMN conversation SET NOT NULL;
ALTER TABLE live_chat_session ALTER COLUMN last_active_at SET NOT NULL;
ALTER TABLE live_chat_session ALTER COLUMN last_active_at SET DEFAULT now();
ALTER TABLE live_chat_session ALTER COLUMN state_since SET NOT NULL;
ALTER TABLE live_chat_session ALTER COLUMN state_since SET DEFAULT now();

CREATE INDEX live_chat_session_open ON live_chat_session (chatbot_id, state, state_since)
    WHERE state IN ('WAITING', 'LIVE');
CREATE INDEX live_chat_session_bot_active ON live_chat_session (last_active_at) WHERE state = 'BOT';

-- Messages of a conversation while it is WAITING or LIVE, oldest first: the visitor's, the
-- assistant's and the agents'. The escalation holds the window before it.
CREATE TABLE transcript_line (
    id              bigserial   PRIMARY KEY,
    conversation_id text        NOT NULL,
    message_id      text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('visitor', 'assistant', 'agent')),
    text            text        NOT NULL,
    agent_id        text,
    agent_name      text,
    at              timestamptz NOT NULL,
    UNIQUE (conversation_id, message_id)
);
CREATE INDEX transcript_line_conversation ON transcript_line (conversation_id, at, id);

-- Everything agents are told, in order. Rows are written under one transaction-scoped advisory lock,
-- so seq commits in increasing order and a reader that saw seq n has seen everything below it.
-- Every instance LISTENs on agent_event to push new rows to its agents at once.
CREATE TABLE agent_event (
    seq             bigserial   PRIMARY KEY,
    chatbot_id      text        NOT NULL,
    conversation_id text        NOT NULL,
    type            text        NOT NULL,
    -- the agent who owned the conversation when the event happened: messages reach the owner
    owner_id        text,
    frame           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_event_created ON agent_event (created_at);

CREATE FUNCTION notify_agent_event() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('agent_event', NEW.seq::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER agent_event_notify AFTER INSERT ON agent_event
    FOR EACH ROW EXECUTE FUNCTION notify_agent_event();
