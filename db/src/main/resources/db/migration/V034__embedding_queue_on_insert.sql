-- A new redacted answer has no queued answers yet (answer_embedding rows go with their redacted answer), so on an
-- INSERT the trigger only queues; the DELETE of answers no longer there, which could find nothing, runs on an UPDATE
-- alone. Same rows as before; one statement fewer in every submission's transaction.
CREATE OR REPLACE FUNCTION redacted_answer_queues_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO answer_embedding (submission_id, field, queued_at)
        SELECT NEW.submission_id, a.key, NEW.redacted_at FROM jsonb_each_text(NEW.answers) a
        ON CONFLICT (submission_id, field) DO NOTHING;
    ELSE
        DELETE FROM answer_embedding e WHERE e.submission_id = NEW.submission_id AND NOT (NEW.answers ? e.field);
        INSERT INTO answer_embedding (submission_id, field, queued_at)
        SELECT NEW.submission_id, a.key, NEW.redacted_at FROM jsonb_each_text(NEW.answers) a
        WHERE (OLD.answers ->> a.key) IS DISTINCT FROM a.value
        ON CONFLICT (submission_id, field) DO UPDATE SET state = 'WAITING', model = NULL, dims = NULL,
            vector = NULL, attempts = 0, queued_at = EXCLUDED.queued_at, embedded_at = NULL;
    END IF;
    RETURN NULL;
END
$$;
