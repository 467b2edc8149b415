-- Round robin: one cursor per chatbot. It advances in the same transaction that first records an
-- escalation, so replicas share one rotation and a redelivered escalation does not advance it.
CREATE TABLE round_robin_cursor (
    chatbot_id TEXT PRIMARY KEY,
    position   BIGINT NOT NULL
);

-- Who the router chose to email for the escalation, so a redelivery notifies the same people, and
-- why an escalation was not routed.
ALTER TABLE escalation ADD COLUMN email_recipients JSONB;
ALTER TABLE escalation ADD COLUMN note TEXT;
