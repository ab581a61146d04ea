-- Special-category data is sealed in the application (AES-256-GCM, crypto.FieldCipher, ADR 0018), so a dump of
-- the database alone does not reveal it. A sealed value is text, 'v1:<keyId>:<base64>'; these columns become
-- text that holds it. Values stored before this migration stay plain (readable as they are) until the
-- rotation command (java -jar consult.jar rotate-encryption-keys) seals them.

-- Equality answers: a JSON object, sealed as its text. Never queried inside the database.
ALTER TABLE ebe_equality ALTER COLUMN answers DROP DEFAULT;
ALTER TABLE ebe_equality ALTER COLUMN answers TYPE text USING answers::text;

-- Date of birth: the ISO date, sealed. The age band derived from it when the application was sent stays in
-- clear (age_band) for filtering and the group's composition.
ALTER TABLE ebe_application ALTER COLUMN date_of_birth TYPE text USING to_char(date_of_birth, 'YYYY-MM-DD');

-- Access and support needs are already text; they are no longer copied into the searchable text. Existing
-- applications' search text is rebuilt from the answers that stay searchable (as Applications.searchText does).
UPDATE submission s
SET search_text = concat_ws(E'\n', e.experience_story, e.motivation, e.availability),
    search_vector = to_tsvector('english', concat_ws(E'\n', e.experience_story, e.motivation, e.availability))
FROM ebe_application e
WHERE e.submission_id = s.id AND s.status <> 'WITHDRAWN';

-- The lead's actions and staff notes (a lead's notes on a flagged submission are safeguarding notes): the
-- length rules are checked in Java before sealing (SafeguardingActions, TriageActions), since ciphertext is
-- longer than the text.
ALTER TABLE safeguarding_action DROP CONSTRAINT IF EXISTS safeguarding_action_action_check;
ALTER TABLE submission_note DROP CONSTRAINT IF EXISTS submission_note_body_check;

-- The phrases a disclosure matched say what the child disclosed: one sealed text, a phrase a line (phrases are
-- normalised to lower-case words, so never contain a line break).
ALTER TABLE safeguarding_flag ALTER COLUMN matched DROP DEFAULT;
ALTER TABLE safeguarding_flag ALTER COLUMN matched TYPE text USING array_to_string(matched, E'\n');

-- A facilitator's session notes (deep_dive_session.notes) are already text and are sealed from now on.

-- A submission queued for the learned safeguarding check (the model was not ready when it was sent) keeps the
-- text the channel screens but does not store for search (access and support needs), sealed, so the check
-- later reads everything the phrases read; the row goes when the check has read it.
ALTER TABLE safeguarding_check_queue ADD COLUMN screened_only text;
