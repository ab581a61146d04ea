-- submission_week (V013) gives the same weeks, written so that PostgreSQL can inline it. extract(epoch FROM a
-- timestamptz) is only STABLE (other fields of it depend on the time zone), so PostgreSQL would not inline the
-- IMMUTABLE function around it, and ran it as a SQL function instead: every INSERT into submission, and every UPDATE
-- that writes a new index entry, parsed and planned its body again to compute the search index's week (about 25 us
-- of the database's CPU per insert, measured with pgbench). The difference from the epoch is an interval, and an
-- interval's epoch is IMMUTABLE, so the body is now an expression PostgreSQL folds into the statement. The two agree
-- on every instant (a timestamptz is microseconds from 2000-01-01 UTC, and the interval between two of them holds the
-- same microseconds whatever the time zone), so the index built with the old body stays right and is not rebuilt.
CREATE OR REPLACE FUNCTION submission_week(at timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT floor(extract(epoch FROM at - '1970-01-01 00:00:00+00'::timestamptz) / 604800)::integer $$;
