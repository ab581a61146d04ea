-- Transactional outbox: a message is written in the same transaction as the change it reports,
-- then claimed by any node's dispatcher with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox_message (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    template        text        NOT NULL,
    recipient       text        NOT NULL,
    fields          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status          text        NOT NULL DEFAULT 'CREATED'
                                CHECK (status IN ('CREATED', 'SENDING', 'SENT', 'FAILED_PERMANENTLY')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);

CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at)
    WHERE status IN ('CREATED', 'SENDING');

-- Delivery status by recipient (tests, and the staff console), matched case-insensitively.
CREATE INDEX outbox_message_recipient ON outbox_message (lower(recipient));
