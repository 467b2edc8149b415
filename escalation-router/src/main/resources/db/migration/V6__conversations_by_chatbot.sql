-- Conversation ids are the upstream's and unique only within a chatbot: a conversation is the pair.
ALTER TABLE conversation_activity DROP CONSTRAINT conversation_activity_pkey;
ALTER TABLE conversation_activity ADD PRIMARY KEY (chatbot_id, conversation_id);

-- Answers and resolutions of a live chat are matched by chatbot and conversation.
DROP INDEX IF EXISTS escalation_conversation;
CREATE INDEX escalation_conversation ON escalation (chatbot_id, conversation_id, created_at);
