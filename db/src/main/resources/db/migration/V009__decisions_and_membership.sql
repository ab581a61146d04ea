-- Every decision on an application, kept as history; the current outcome stays on ebe_application.
CREATE TABLE ebe_decision (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    outcome       text        NOT NULL CHECK (outcome IN ('SHORTLISTED', 'SELECTED', 'WAITLISTED', 'DECLINED')),
    note          text,
    decided_by    uuid        REFERENCES account (id) ON DELETE SET NULL,
    decided_at    timestamptz NOT NULL
);
CREATE INDEX ebe_decision_submission ON ebe_decision (submission_id, decided_at);

-- Members of the group (selected applicants) and the history of every change to their membership.
CREATE TABLE ebe_member (
    submission_id  uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'STEPPED_DOWN')),
    effective_date date        NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE ebe_member_change (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The order changes were made in, even when two share a timestamp.
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    submission_id  uuid        NOT NULL REFERENCES ebe_member (submission_id) ON DELETE CASCADE,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'STEPPED_DOWN')),
    effective_date date        NOT NULL,
    reason         text        NOT NULL,
    changed_by     uuid        REFERENCES account (id) ON DELETE SET NULL,
    changed_at     timestamptz NOT NULL
);
CREATE INDEX ebe_member_change_member ON ebe_member_change (submission_id, seq);
