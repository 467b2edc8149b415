-- Each chatbot's connection keeps the bot token it was connected with. A token used to be kept once per
-- workspace, so another chatbot's connect to the same workspace replaced what every chatbot there
-- posted with; now a connect changes only its own chatbot's connection.
ALTER TABLE slack_connection ADD COLUMN bot_token TEXT;
ALTER TABLE slack_connection ADD COLUMN bot_user_id TEXT;
UPDATE slack_connection c SET bot_token = i.bot_token, bot_user_id = i.bot_user_id
  FROM slack_installation i WHERE i.team_id = c.team_id;
ALTER TABLE slack_connection ALTER COLUMN bot_token SET NOT NULL;
-- The workspace row is now only what workspaces are known, by name.
ALTER TABLE slack_installation DROP COLUMN bot_token;
ALTER TABLE slack_installation DROP COLUMN bot_user_id;
