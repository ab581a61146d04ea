-- redacted_answer and answer_embedding as V020 and V027 define them (redacted_answer's reference to submission left
-- out), and the queue's two trigger functions: queue_each_row as V034 left it for an INSERT, queue_all_added as V039.
CREATE TABLE redacted_answer (submission_id uuid PRIMARY KEY, answers jsonb NOT NULL, found jsonb NOT NULL,
  corrections jsonb NOT NULL DEFAULT '{}', redacted_at timestamptz NOT NULL);
CREATE TABLE answer_embedding (
    submission_id uuid NOT NULL REFERENCES redacted_answer (submission_id) ON DELETE CASCADE,
    field text NOT NULL, state text NOT NULL DEFAULT 'WAITING' CHECK (state IN ('WAITING', 'DONE', 'FAILED')),
    model text, dims smallint, vector real[], attempts integer NOT NULL DEFAULT 0, queued_at timestamptz NOT NULL,
    embedded_at timestamptz, PRIMARY KEY (submission_id, field),
    CHECK (state <> 'DONE' OR (model IS NOT NULL AND vector IS NOT NULL AND cardinality(vector) = dims)));
CREATE INDEX answer_embedding_waiting ON answer_embedding (queued_at) WHERE state = 'WAITING';
CREATE FUNCTION queue_each_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO answer_embedding (submission_id, field, queued_at)
  SELECT NEW.submission_id, a.key, NEW.redacted_at FROM jsonb_each_text(NEW.answers) a
  ON CONFLICT (submission_id, field) DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION queue_all_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO answer_embedding (submission_id, field, queued_at)
  SELECT n.submission_id, a.key, n.redacted_at FROM added n CROSS JOIN LATERAL jsonb_each_text(n.answers) a
  ON CONFLICT (submission_id, field) DO NOTHING;
  RETURN NULL;
END $$;
-- One queue row per redacted answer instead of one per answer, as V040 built it (the worker makes the
-- answer_embedding rows itself when it takes the submission; the index lets it take the oldest first).
CREATE TABLE embedding_due (
    submission_id uuid PRIMARY KEY REFERENCES redacted_answer (submission_id) ON DELETE CASCADE,
    queued_at timestamptz NOT NULL);
CREATE INDEX embedding_due_oldest ON embedding_due (queued_at);
CREATE FUNCTION due_all_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO embedding_due (submission_id, queued_at) SELECT n.submission_id, n.redacted_at FROM added n
  WHERE n.answers <> '{}'::jsonb ON CONFLICT (submission_id) DO NOTHING;
  RETURN NULL;
END $$;
