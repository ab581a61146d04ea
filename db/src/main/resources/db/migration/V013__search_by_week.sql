-- Relevance ranks the newest matches of a word found in many submissions without reading every match
-- (ADR 0009). The search index also knows each submission's week, so PostgreSQL can find a word's matches
-- week by week, newest week first, and stop once it has enough: GIN intersects the word's entries with the
-- week's, skipping the rest, so the cost follows the matches ranked, not the matches there are.
-- A week is whole weeks since 1970-01-01 00:00 UTC (a Thursday): the epoch does not depend on time zones,
-- so the function is truly immutable, which an index expression requires.
CREATE FUNCTION submission_week(at timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT floor(extract(epoch FROM at) / 604800)::integer $$;

DROP INDEX submission_search;
CREATE INDEX submission_search ON submission USING gin (search_vector, (ARRAY[submission_week(submitted_at)]));
