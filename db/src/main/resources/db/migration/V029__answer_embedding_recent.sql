-- "More like this" (ADR 0036): each node reads, about once a minute, the vectors made since it last looked. Without
-- an index that read scans every answer; with it, it reads only the new ones.
CREATE INDEX answer_embedding_recent ON answer_embedding (embedded_at) WHERE state = 'DONE';
