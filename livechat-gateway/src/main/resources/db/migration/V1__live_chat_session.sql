-- One row per conversation the gateway knows about: who is talking to the visitor right now.
--   BOT      the AI answers (no escalation open)
--   WAITING  escalated, no agent has taken it yet (the agents' queue)
--   LIVE     one agent owns the conversation
--   CLOSED   the conversation or the live chat ended
-- A row is created by the conversation's first escalation, so escalation_id and escalation are
-- always set; a later escalation replaces them when it re-opens the conversation.
CREATE TABLE live_chat_session (
    conversation_id text        PRIMARY KEY,
    chatbot_id      text        NOT NULL,
    escalation_id   text        NOT NULL UNIQUE,
    state           text        NOT NULL CHECK (state IN ('BOT', 'WAITING', 'LIVE', 'CLOSED')),
    escalation      jsonb       NOT NULL,
    agent_id        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The queue snapshot every agent gets on connect: waiting sessions, oldest first.
CREATE INDEX live_chat_session_waiting ON live_chat_session (updated_at) WHERE state = 'WAITING';
