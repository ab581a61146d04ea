-- Theme and dilemma suggestions for untagged submissions (ADR 0035): made in the background from the redacted text by
-- the in-process sentence model, shown to staff with their reasons, and never a tag until a person accepts one.
--   confidence: 0..1, the suggester's calibrated score for the code
--   sentence:   the sentence of the redacted text that matched the code best (redacted, so no more than staff may read)
--   similar_ids: already-tagged submissions most like this one that carry the code (re-checked for each reader)
--   state:      OPEN until a person accepts (the code becomes a tag, the history says "suggested") or rejects it
-- Goes with its submission (cascade), so with withdrawal, erasure and the retention purge.
CREATE TABLE tag_suggestion (
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    frame         text        NOT NULL CHECK (frame IN ('THEME', 'DILEMMA')),
    code          text        NOT NULL,
    confidence    real        NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    sentence      text        NOT NULL,
    similar_ids   uuid[]      NOT NULL DEFAULT '{}',
    state         text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    made_at       timestamptz NOT NULL,
    decided_by    uuid        REFERENCES account (id) ON DELETE SET NULL,
    decided_at    timestamptz,
    PRIMARY KEY (submission_id, frame, code),
    CHECK ((state = 'OPEN') = (decided_at IS NULL))
);
CREATE INDEX tag_suggestion_open ON tag_suggestion (frame, code, confidence DESC) WHERE state = 'OPEN';

-- Which submissions the suggester has read, and when: it reads each untagged submission once its answers are
-- embedded, and again only if this row goes (a correction of its redacted text removes it).
CREATE TABLE tag_suggestion_run (
    submission_id uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    made_at       timestamptz NOT NULL
);

-- A corrected redacted text is read again: its old suggestions go unless a person already decided them.
CREATE FUNCTION redacted_answer_renews_suggestions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tag_suggestion_run WHERE submission_id = NEW.submission_id;
    DELETE FROM tag_suggestion WHERE submission_id = NEW.submission_id AND state = 'OPEN';
    RETURN NULL;
END
$$;
CREATE TRIGGER redacted_answer_renews_suggestions
    AFTER UPDATE OF answers ON redacted_answer
    FOR EACH ROW WHEN (OLD.answers IS DISTINCT FROM NEW.answers)
    EXECUTE FUNCTION redacted_answer_renews_suggestions();

-- A history row says how the change came: NULL for a person's own edit, SUGGESTION when a person accepted a suggestion.
ALTER TABLE submission_change ADD COLUMN via text CHECK (via IN ('SUGGESTION'));
