-- An administrator may cancel an email that has not gone (the outbox page and API): the row stays, as CANCELLED,
-- with its fields emptied at once, and is purged with the sent and failed ones.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_status_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_status_check
    CHECK (status IN ('CREATED', 'SENDING', 'SENT', 'FAILED_PERMANENTLY', 'CANCELLED'));

DROP INDEX outbox_message_finished;
CREATE INDEX outbox_message_finished ON outbox_message (coalesce(sent_at, created_at))
    WHERE status IN ('SENT', 'FAILED_PERMANENTLY', 'CANCELLED');
