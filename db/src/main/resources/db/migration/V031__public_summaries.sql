-- "You said, we did" (ADR 0037): a public summary of one channel, composed by staff, with quotes approved by a second
-- member of staff. The summary itself holds the review's own words and, once published, a snapshot of the channel's
-- counts by theme (already suppressed, ADR 0008); no one's personal data.
CREATE TABLE public_summary (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    channel           text        NOT NULL CHECK (channel IN ('CALL_FOR_ADVICE', 'DEEP_DIVE_FEEDBACK')),
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    what_we_did       text        NOT NULL CHECK (length(what_we_did) BETWEEN 1 AND 5000),
    what_we_did_child text        NOT NULL CHECK (length(what_we_did_child) BETWEEN 1 AND 5000),
    state             text        NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED')),
    -- [{"theme": "CARE", "count": 12 | "<10" | "suppressed"}, ...] and the total of the shown counts, taken at publish.
    counts            jsonb,
    created_by        uuid        REFERENCES account (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL,
    published_by      uuid        REFERENCES account (id) ON DELETE SET NULL,
    published_at      timestamptz,
    -- When the people who agreed to be contacted were sent the link: set once, so nobody is emailed twice.
    notified_at       timestamptz,
    updated_at        timestamptz NOT NULL,
    CHECK (state = 'DRAFT' OR (counts IS NOT NULL AND published_at IS NOT NULL))
);
CREATE INDEX public_summary_published ON public_summary (published_at DESC) WHERE state = 'PUBLISHED';

-- A quote: words found in a submission's redacted text, from a person who agreed to be quoted. Approved by a second
-- member of staff (never the one who added it). Goes with its submission: deleted with it (erasure, retention), and
-- when it is withdrawn; the public page also checks the submission again on every read.
CREATE TABLE public_summary_quote (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    summary_id    uuid        NOT NULL REFERENCES public_summary (id) ON DELETE CASCADE,
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    field         text        NOT NULL,
    text          text        NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    added_by      uuid        REFERENCES account (id) ON DELETE SET NULL,
    added_at      timestamptz NOT NULL,
    approved_by   uuid        REFERENCES account (id) ON DELETE SET NULL,
    approved_at   timestamptz,
    CHECK (approved_by IS NULL OR added_by IS NULL OR approved_by <> added_by),
    UNIQUE (summary_id, submission_id, field, text)
);
CREATE INDEX public_summary_quote_summary ON public_summary_quote (summary_id, added_at);
CREATE INDEX public_summary_quote_submission ON public_summary_quote (submission_id);

-- Composing, quoting, approving, publishing and unpublishing a summary are audited (ids and codes only).
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('VIEW', 'CHANGE', 'NOTE',
    'BULK_CHANGE', 'EXPORT', 'RELEASE', 'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE', 'EXAMPLE_CHANGE',
    'LIST', 'ERASE', 'SUBJECT_ACCESS', 'REDACTION_CHANGE', 'SETTING_CHANGE', 'SIGN_IN_THROTTLED', 'SECOND_FACTOR',
    'ORGANISATION_SIGN_IN', 'PUBLIC_SUMMARY'));
