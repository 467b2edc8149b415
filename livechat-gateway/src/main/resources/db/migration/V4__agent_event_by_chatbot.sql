-- A reconnecting agent reads the events it missed of its own chatbots, newest first and bounded:
-- served by this index instead of a scan of every tenant's events.
CREATE INDEX agent_event_chatbot_seq ON agent_event (chatbot_id, seq);
