-- A facilitator's notes on a deep-dive session may record what a child told them about harm. The notes are
-- screened when the session is added (as a submission's free text is, ADR 0010); a session whose notes may tell
-- of harm is marked here, and its notes are then shown only to the safeguarding lead and administrators.
ALTER TABLE deep_dive_session ADD COLUMN safeguarding boolean NOT NULL DEFAULT false;
