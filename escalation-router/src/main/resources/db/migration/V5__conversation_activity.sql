-- One row per conversation the router has seen, for the success metrics: how many conversations a
-- chatbot had (the denominator of the escalation rate), and which were offered a person and declined.
CREATE TABLE conversation_activity (
    conversation_id TEXT        PRIMARY KEY,
    chatbot_id      TEXT        NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    offered_at      TIMESTAMPTZ,
    declined_at     TIMESTAMPTZ
);
CREATE INDEX conversation_activity_seen ON conversation_activity (chatbot_id, first_seen_at);
CREATE INDEX conversation_activity_offered ON conversation_activity (chatbot_id, offered_at) WHERE offered_at IS NOT NULL;
CREATE INDEX conversation_activity_declined ON conversation_activity (chatbot_id, declined_at) WHERE declined_at IS NOT NULL;
