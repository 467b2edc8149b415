-- Conversation ids are the upstream's and unique only within a chatbot: a conversation, its transcript
-- and the agent messages passed to it are keyed by the chatbot and the id together. Keyed by the id
-- alone, a visitor message of one chatbot joined another chatbot's conversation of the same id.
ALTER TABLE live_chat_session DROP CONSTRAINT live_chat_session_pkey;
ALTER TABLE live_chat_session ADD PRIMARY KEY (chatbot_id, conversation_id);

ALTER TABLE transcript_line ADD COLUMN chatbot_id text;
UPDATE transcript_line t SET chatbot_id = s.chatbot_id
  FROM live_chat_session s WHERE s.conversation_id = t.conversation_id;
-- a line whose conversation is no longer known can be shown to nobody
DELETE FROM transcript_line WHERE chatbot_id IS NULL;
ALTER TABLE transcript_line ALTER COLUMN chatbot_id SET NOT NULL;
ALTER TABLE transcript_line DROP CONSTRAINT transcript_line_conversation_id_message_id_key;
ALTER TABLE transcript_line ADD CONSTRAINT transcript_line_message UNIQUE (chatbot_id, conversation_id, message_id);
DROP INDEX transcript_line_conversation;
CREATE INDEX transcript_line_conversation ON transcript_line (chatbot_id, conversation_id, at, id);

ALTER TABLE agent_message ADD COLUMN chatbot_id text;
UPDATE agent_message m SET chatbot_id = s.chatbot_id
  FROM live_chat_session s WHERE s.conversation_id = m.conversation_id;
UPDATE agent_message SET chatbot_id = '' WHERE chatbot_id IS NULL;
ALTER TABLE agent_message ALTER COLUMN chatbot_id SET NOT NULL;
ALTER TABLE agent_message DROP CONSTRAINT agent_message_pkey;
ALTER TABLE agent_message ADD PRIMARY KEY (chatbot_id, message_id);
