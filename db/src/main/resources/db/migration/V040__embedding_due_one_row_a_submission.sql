-- A new redacted answer used to queue one answer_embedding row for each of its answers (three for most
-- submissions: three heap rows and six index entries in the submission's own transaction). It now queues one row
-- for the whole submission, and the embeddings worker makes the answers' rows itself when it takes the submission
-- (EmbeddingStore.expandDue), in its own transaction at the lowest priority, reading the redacted text as it is
-- then. Staff corrections (an UPDATE of the answers) still queue the changed answers directly (V034's row trigger).
-- Goes with the redacted answer, so with its submission: deleted when it is withdrawn, erased or purged.
CREATE TABLE embedding_due (
    submission_id uuid        PRIMARY KEY REFERENCES redacted_answer (submission_id) ON DELETE CASCADE,
    queued_at     timestamptz NOT NULL
);
-- The worker takes the oldest first; without this index each take would sort the whole queue, which at a peak
-- holds a day's submissions.
CREATE INDEX embedding_due_oldest ON embedding_due (queued_at);

CREATE OR REPLACE FUNCTION redacted_answers_added_queue_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO embedding_due (submission_id, queued_at)
    SELECT n.submission_id, n.redacted_at FROM added n WHERE n.answers <> '{}'::jsonb
    ON CONFLICT (submission_id) DO NOTHING;
    RETURN NULL;
END
$$;
