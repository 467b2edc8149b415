-- What happened after routing: the SLA reminder (scheduled, claimed by one replica, sent), the first
-- human response and the resolution reported by the live-chat gateway, and, outside business hours,
-- when the team opens again.
ALTER TABLE escalation ADD COLUMN closed_until           TIMESTAMPTZ;
ALTER TABLE escalation ADD COLUMN reminder_due_at        TIMESTAMPTZ;
ALTER TABLE escalation ADD COLUMN reminder_recipients    JSONB;
ALTER TABLE escalation ADD COLUMN reminder_claimed_until TIMESTAMPTZ;
ALTER TABLE escalation ADD COLUMN reminder_sent_at       TIMESTAMPTZ;
ALTER TABLE escalation ADD COLUMN reminder_delivery_id   TEXT;
ALTER TABLE escalation ADD COLUMN first_response_at      TIMESTAMPTZ;
ALTER TABLE escalation ADD COLUMN responded_by           TEXT;
ALTER TABLE escalation ADD COLUMN resolved_at            TIMESTAMPTZ;

CREATE INDEX escalation_reminder_due ON escalation (reminder_due_at)
    WHERE reminder_sent_at IS NULL AND first_response_at IS NULL;
CREATE INDEX escalation_conversation ON escalation (conversation_id, created_at);
