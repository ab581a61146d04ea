-- Submissions are written together (several new redacted answers in one INSERT), and the row trigger ran its own
-- INSERT into the embedding queue once for every one of them. On an INSERT the queue's rows are now added by one
-- statement-level trigger for all the rows that statement added (its transition table); an UPDATE of the answers
-- (a member of staff correcting the redacted text) keeps the row trigger, which also removes answers no longer
-- there. The same rows are queued as before.
DROP TRIGGER redacted_answer_queues_embeddings ON redacted_answer;

CREATE TRIGGER redacted_answer_queues_embeddings
    AFTER UPDATE OF answers ON redacted_answer
    FOR EACH ROW EXECUTE FUNCTION redacted_answer_queues_embeddings();

CREATE FUNCTION redacted_answers_added_queue_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO answer_embedding (submission_id, field, queued_at)
    SELECT n.submission_id, a.key, n.redacted_at FROM added n CROSS JOIN LATERAL jsonb_each_text(n.answers) a
    ON CONFLICT (submission_id, field) DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER redacted_answers_added_queue_embeddings
    AFTER INSERT ON redacted_answer REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION redacted_answers_added_queue_embeddings();
