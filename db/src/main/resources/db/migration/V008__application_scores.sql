-- Anonymised scoring of applications: each scorer scores an application once against the rubric.
CREATE TABLE ebe_score (
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    scorer_id     uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    criteria      jsonb       NOT NULL,
    total         integer     NOT NULL CHECK (total > 0),
    comment       text,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (submission_id, scorer_id)
);
