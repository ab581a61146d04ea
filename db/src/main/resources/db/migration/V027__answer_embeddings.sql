-- Every free-text answer's sentence vector (ADR 0033), for the similarity features that build on it. The text
-- embedded is the redacted answer (redacted_answer.answers -> field), never the original nor anything sealed.
--   state:  WAITING (queued, no vector yet), DONE (vector made by `model`), FAILED (the model could not read it
--           after a few attempts; queued again by the next back-fill)
--   vector: unit length, `dims` long (384 for all-MiniLM-L6-v2), as real[]; similarity is computed in Java
-- Goes with the redacted answer, so with its submission: deleted when it is withdrawn, erased or purged.
CREATE TABLE answer_embedding (
    submission_id uuid        NOT NULL REFERENCES redacted_answer (submission_id) ON DELETE CASCADE,
    field         text        NOT NULL,
    state         text        NOT NULL DEFAULT 'WAITING' CHECK (state IN ('WAITING', 'DONE', 'FAILED')),
    model         text,
    dims          smallint,
    vector        real[],
    attempts      integer     NOT NULL DEFAULT 0,
    queued_at     timestamptz NOT NULL,
    embedded_at   timestamptz,
    PRIMARY KEY (submission_id, field),
    CHECK (state <> 'DONE' OR (model IS NOT NULL AND vector IS NOT NULL AND cardinality(vector) = dims))
);
CREATE INDEX answer_embedding_waiting ON answer_embedding (queued_at) WHERE state = 'WAITING';

-- Queued by the database in the statement that writes the redacted text, so in the submission's own transaction:
-- a new answer, or one whose redacted text changed (a member of staff corrected it), waits for the worker; an
-- answer no longer there loses its vector. Nothing is computed here.
CREATE FUNCTION redacted_answer_queues_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM answer_embedding e WHERE e.submission_id = NEW.submission_id AND NOT (NEW.answers ? e.field);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO answer_embedding (submission_id, field, queued_at)
        SELECT NEW.submission_id, a.key, NEW.redacted_at FROM jsonb_each_text(NEW.answers) a
        ON CONFLICT (submission_id, field) DO NOTHING;
    ELSE
        INSERT INTO answer_embedding (submission_id, field, queued_at)
        SELECT NEW.submission_id, a.key, NEW.redacted_at FROM jsonb_each_text(NEW.answers) a
        WHERE (OLD.answers ->> a.key) IS DISTINCT FROM a.value
        ON CONFLICT (submission_id, field) DO UPDATE SET state = 'WAITING', model = NULL, dims = NULL,
            vector = NULL, attempts = 0, queued_at = EXCLUDED.queued_at, embedded_at = NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER redacted_answer_queues_embeddings
    AFTER INSERT OR UPDATE OF answers ON redacted_answer
    FOR EACH ROW EXECUTE FUNCTION redacted_answer_queues_embeddings();

-- The back-fill of one model: answers redacted before this table existed, FAILED ones, and every vector another
-- model made, queued in batches of submissions in id order. `after_id` is where the next batch starts, so a
-- restarted node carries on; the row is locked while a batch is queued, so two nodes never queue the same one.
CREATE TABLE embedding_backfill (
    model       text        PRIMARY KEY,
    after_id    uuid,
    scanned     bigint      NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz
);
