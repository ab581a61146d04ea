-- Each submission's free-text answers with personal details replaced ([name], [phone], ...), written in the same
-- transaction as the submission (a sweep fills any that were not). Reviewers' exports and scorers read these;
-- the originals stay in the channel tables for the safeguarding lead and administrators.
--   answers:     field name -> redacted text, e.g. {"keyQuestions": "my sw [name] never rings"}
--   found:       field name -> the spans taken out of the original, [{"kind": "NAME", "start": 6, "end": 11}]
--   corrections: field name -> staff corrections in the order made, [{"redact": true, "kind": "NAME", "start": 0,
--                "end": 9, "text": "Beechwood"}]; kept so that redacting again (better rules) keeps them.
-- Goes with its submission: deleted with it, and when it is withdrawn.
CREATE TABLE redacted_answer (
    submission_id uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    answers       jsonb       NOT NULL,
    found         jsonb       NOT NULL,
    corrections   jsonb       NOT NULL DEFAULT '{}',
    redacted_at   timestamptz NOT NULL
);

-- The redacted texts again, on the submission row itself, for reviewers' exports: an export of a million rows reads
-- the submission table in one pass instead of joining a second table of the same size.
ALTER TABLE submission ADD COLUMN redacted_text jsonb;
