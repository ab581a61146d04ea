-- EXPLAIN (ANALYZE, BUFFERS) of the triage queries, exactly as TriageQueue and TriageExport build them for a
-- reviewer (flagged rows left out). psql -v rare=ombudsman -f explain.sql
\set ON_ERROR_STOP on
SELECT id AS camden FROM area WHERE slug = 'camden' \gset
SET plan_cache_mode = force_custom_plan;
\echo '=== (a) queue page: status + theme + area, newest first, 50 a page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.*, a.slug, NULL AS snippet FROM (SELECT s.id, s.kind, s.reference, s.status, s.assignee_id, s.area_id, s.themes,
  s.dilemmas, s.safeguarding, s.submitted_at, NULL::real AS rank FROM submission s WHERE true AND NOT s.safeguarding
  AND s.status = 'NEW' AND s.area_id = :'camden' AND s.themes @> ARRAY['CARE']::text[]
  ORDER BY s.submitted_at DESC, s.id DESC LIMIT 51) p LEFT JOIN area a ON a.id = p.area_id
ORDER BY p.submitted_at DESC, p.id DESC;

\echo '=== (b) selective search (more matches than are ranked, in under a fifth of rows): the newest candidates found week by week, top 50 by rank, with snippets'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.*, a.slug, ts_headline('english', translate(t.search_text, chr(57344) || chr(57345), ''),
  websearch_to_tsquery('english', :'rare'), 'MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2') AS snippet
FROM (SELECT * FROM (SELECT c.id, c.kind, c.reference, c.status, c.assignee_id, c.area_id, c.themes, c.dilemmas,
  c.safeguarding, c.submitted_at, ts_rank(c.search_vector, websearch_to_tsquery('english', :'rare')) AS rank,
  count(*) OVER () AS ranked
  FROM (SELECT c.* FROM generate_series((SELECT submission_week(max(submitted_at)) FROM submission),
    (SELECT submission_week(min(submitted_at)) FROM submission), -1) w(week) CROSS JOIN LATERAL (
    SELECT s.id, s.kind, s.reference, s.status, s.assignee_id, s.area_id, s.themes, s.dilemmas, s.safeguarding,
    s.submitted_at, s.search_vector FROM submission s WHERE true AND NOT s.safeguarding
    AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN') AND s.search_vector @@ websearch_to_tsquery('english', :'rare')
    AND ARRAY[submission_week(s.submitted_at)] && ARRAY[w.week] ORDER BY s.submitted_at DESC, s.id DESC) c
    LIMIT :candidates) c) r
  ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT 51) p
LEFT JOIN area a ON a.id = p.area_id LEFT JOIN submission t ON t.id = p.id
ORDER BY p.rank DESC, p.submitted_at DESC, p.id DESC;

\echo '=== (b2) a search matching no more than are ranked (the rare word and "respite"): every match ranked'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM (SELECT c.id, c.submitted_at, ts_rank(c.search_vector, websearch_to_tsquery('english', :'rare' || ' respite')) AS rank,
  count(*) OVER () AS ranked
  FROM (SELECT s.id, s.submitted_at, s.search_vector FROM submission s WHERE true AND NOT s.safeguarding
    AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN') AND s.search_vector @@ websearch_to_tsquery('english', :'rare' || ' respite')
    LIMIT :candidates) c) r
ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT 51;

\echo '=== (c) the common word "care", top 50 by rank among the newest candidates, with snippets'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.*, a.slug, ts_headline('english', translate(t.search_text, chr(57344) || chr(57345), ''),
  websearch_to_tsquery('english', 'care'), 'MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2') AS snippet
FROM (SELECT * FROM (SELECT c.id, c.kind, c.reference, c.status, c.assignee_id, c.area_id, c.themes, c.dilemmas,
  c.safeguarding, c.submitted_at, ts_rank(c.search_vector, websearch_to_tsquery('english', 'care')) AS rank,
  count(*) OVER () AS ranked
  FROM (SELECT s.id, s.kind, s.reference, s.status, s.assignee_id, s.area_id, s.themes, s.dilemmas, s.safeguarding,
    s.submitted_at, s.search_vector FROM submission s WHERE true AND NOT s.safeguarding
    AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN') AND s.search_vector @@ websearch_to_tsquery('english', 'care')
    ORDER BY s.submitted_at DESC, s.id DESC LIMIT :candidates) c) r
  ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT 51) p
LEFT JOIN area a ON a.id = p.area_id LEFT JOIN submission t ON t.id = p.id
ORDER BY p.rank DESC, p.submitted_at DESC, p.id DESC;

\echo '=== export (the plan only: COPY streams every row)'
EXPLAIN (COSTS OFF)
SELECT s.id, s.reference, s.kind, s.status, to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  a.slug, array_to_string(s.themes, ';'), array_to_string(s.dilemmas, ';'), s.assignee_id,
  CASE WHEN left(s.search_text, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' || s.search_text ELSE s.search_text END
FROM submission s LEFT JOIN area a ON a.id = s.area_id
WHERE true AND NOT s.safeguarding AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN') AND NOT s.safeguarding;
