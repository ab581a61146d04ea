-- Drafts of every channel's public journeys: answers saved on the server at every step, resumable by a
-- short code or an emailed one-time link, purged after they expire (30 days after the last save).
CREATE TABLE draft (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    kind             text        NOT NULL CHECK (kind IN ('CALL_FOR_ADVICE', 'EBE_APPLICATION', 'DEEP_DIVE_FEEDBACK')),
    answers          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    resume_code_hash text        UNIQUE,
    owner_id         uuid        REFERENCES account (id) ON DELETE CASCADE,
    -- Where to send deadline reminders for an unfinished draft, if the person gave an address.
    reminder_email   text,
    reminders_sent   text[]      NOT NULL DEFAULT '{}',
    started_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL
);
CREATE INDEX draft_expires ON draft (expires_at);
CREATE INDEX draft_reminders ON draft (kind) WHERE reminder_email IS NOT NULL;

-- One-time links that reopen a draft (only a hash is stored).
CREATE TABLE draft_link (
    token_hash text        PRIMARY KEY,
    draft_id   uuid        NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX draft_link_draft ON draft_link (draft_id);

-- Withdrawal erases a submission's content and keeps a tombstone: its reference and when it was withdrawn.
ALTER TABLE submission ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE advice_submission ALTER COLUMN respondent_type DROP NOT NULL;

-- Why a submission was quarantined (honeypot, too fast), for the staff who release or delete it.
ALTER TABLE submission ADD COLUMN quarantine_reason text;

-- Fixed one-minute windows of public posts per client address (shared by every node).
CREATE TABLE rate_limit (
    bucket       text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window ON rate_limit (window_start);
