-- Copy-and-paste campaigns (ADR 0034): each submission whose redacted free text is a near copy of at least one
-- other's, with its group (the id of the group's first submission, so stable while that one stays) and how many
-- submissions the group has. Rewritten whole by the grouping job; submissions flagged for safeguarding and withdrawn
-- ones are never grouped, so a group's size never counts a submission a reader may not see.
-- Goes with its submission: deleted with it (withdrawal leaves it until the next regrouping drops it).
CREATE TABLE submission_campaign (
    submission_id uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    group_id      uuid        NOT NULL,
    group_size    integer     NOT NULL CHECK (group_size >= 2),
    grouped_at    timestamptz NOT NULL
);
CREATE INDEX submission_campaign_group ON submission_campaign (group_id);
