-- The answers of the submissions still in embedding_due (V040) that have no answer_embedding row yet (the back-fill
-- or a staff correction may have queued some): each waits for its vector as surely as a queued answer. One
-- definition for everything that counts waiting answers (the embeddings' progress and the waiting-work metric).
CREATE VIEW embedding_due_answers AS
SELECT d.submission_id, k AS field, d.queued_at
FROM embedding_due d
JOIN redacted_answer r ON r.submission_id = d.submission_id
CROSS JOIN LATERAL jsonb_object_keys(r.answers) k
WHERE NOT EXISTS (SELECT 1 FROM answer_embedding e WHERE e.submission_id = d.submission_id AND e.field = k);
