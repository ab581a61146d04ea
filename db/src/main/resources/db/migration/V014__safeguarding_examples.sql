-- The learned safeguarding check (ADR 0013): labelled examples it learns from, their sentence vectors, the
-- version every node compares to know when to learn again, and the submissions waiting for the check.

-- A labelled text: a disclosure (harm to the writer or a child, now) or an ordinary answer that uses the same
-- words. SEED rows come from the training set that ships in the jar; the safeguarding lead adds LEAD rows from
-- the console, and a flag the lead removes as a mistake adds the submission's text as an UNFLAGGED row (erased
-- with the submission when it is withdrawn or deleted).
CREATE TABLE safeguarding_example (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    text          text        NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    label         text        NOT NULL CHECK (label IN ('DISCLOSURE', 'ORDINARY')),
    source        text        NOT NULL CHECK (source IN ('SEED', 'LEAD', 'UNFLAGGED')),
    submission_id uuid        REFERENCES submission (id) ON DELETE CASCADE,
    -- The model's vector of the text, and which model made it; made by the first node that needs it.
    vector        real[],
    model         text,
    added_by      uuid        REFERENCES account (id) ON DELETE SET NULL,
    added_at      timestamptz NOT NULL
);
CREATE INDEX safeguarding_example_recent ON safeguarding_example (source, seq DESC);
CREATE INDEX safeguarding_example_submission ON safeguarding_example (submission_id) WHERE submission_id IS NOT NULL;

-- Who added or removed which example, and when (the text is not copied: a removed example is gone).
CREATE TABLE safeguarding_example_change (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    example_id uuid        NOT NULL,
    label      text        NOT NULL CHECK (label IN ('DISCLOSURE', 'ORDINARY')),
    source     text        NOT NULL CHECK (source IN ('SEED', 'LEAD', 'UNFLAGGED')),
    change     text        NOT NULL CHECK (change IN ('ADDED', 'REMOVED')),
    changed_by uuid        REFERENCES account (id) ON DELETE SET NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX safeguarding_example_change_recent ON safeguarding_example_change (changed_at DESC, id DESC);

-- One row: bumped by every insert or delete of examples, so each node learns again when it differs from the
-- version it learned from.
CREATE TABLE safeguarding_model_version (
    id      integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version bigint  NOT NULL
);
INSERT INTO safeguarding_model_version (id, version) VALUES (1, 0);

CREATE FUNCTION safeguarding_example_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE safeguarding_model_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER safeguarding_example_bump_version
    AFTER INSERT OR DELETE ON safeguarding_example
    FOR EACH STATEMENT EXECUTE FUNCTION safeguarding_example_bump_version();

-- One row once the shipped examples were loaded, so an example the lead removed does not come back.
CREATE TABLE safeguarding_example_seed (
    id        integer     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    seeded_at timestamptz NOT NULL
);

-- Submissions the learned check has not read yet (the model was still loading, or failed): screened by
-- phrases alone when sent, read by the background check as soon as it can.
CREATE TABLE safeguarding_check_queue (
    submission_id uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    queued_at     timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0
);
CREATE INDEX safeguarding_check_queue_due ON safeguarding_check_queue (queued_at);

-- How likely the learned check found it to be a disclosure (0 to 1), where the learned check flagged it.
ALTER TABLE safeguarding_flag ADD COLUMN learned real CHECK (learned IS NULL OR learned BETWEEN 0 AND 1);

-- A withdrawn submission's text is erased from the examples too.
CREATE FUNCTION submission_withdrawal_erases_examples() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM safeguarding_example WHERE submission_id = NEW.id;
    DELETE FROM safeguarding_check_queue WHERE submission_id = NEW.id;
    RETURN NEW;
END
$$;
CREATE TRIGGER submission_withdrawal_erases_examples
    AFTER UPDATE OF status ON submission
    FOR EACH ROW WHEN (NEW.status = 'WITHDRAWN')
    EXECUTE FUNCTION submission_withdrawal_erases_examples();

-- The lead's changes to the examples are audited like changes to the phrases.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('VIEW', 'CHANGE', 'NOTE',
    'BULK_CHANGE', 'EXPORT', 'RELEASE', 'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE', 'EXAMPLE_CHANGE'));
