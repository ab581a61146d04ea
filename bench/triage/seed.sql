-- Seeds submissions for the triage benchmark straight into the schema the application migrated: the common
-- row (kind, status, themes, dilemmas, area for deep-dive feedback, a few flagged), its search vector, and
-- its text (search_text, which triage reads for snippets), and its redacted answer (which reviewers' exports read). Text is built from realistic fragments of what people told
-- the review, plus one "rare" word in most rows (each rare word is in about 0.3% of rows: the selective
-- searches). Run as: psql -v from=1 -v to=10000 -v total=1000000 -f seed.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS bench_fragment (t text NOT NULL);
CREATE TABLE IF NOT EXISTS bench_rare (w text NOT NULL);
INSERT INTO bench_fragment (t)
SELECT t FROM unnest(ARRAY[
 'Children in care told us they want fewer placement moves and a social worker who stays.',
 'Foster carers need proper training, respite and someone to call at night.',
 'Kinship carers often look after grandchildren with no financial support at all.',
 'Care leavers should have a home, not a room in a hostel, when they turn eighteen.',
 'Families want help early, before things reach a crisis and a child protection plan.',
 'Social workers spend most of their week on paperwork instead of with families.',
 'Residential children''s homes are too far from where children grew up.',
 'Young people said they were never asked what they wanted in their reviews.',
 'Parents felt judged rather than supported when they first asked for help.',
 'The review should look at how local authorities commission placements.',
 'Independent reviewing officers change too often to know the child.',
 'Brothers and sisters are split up when they come into care.',
 'Adopted children need therapeutic support that does not stop at eighteen.',
 'Schools do not always know a child is looked after or what that means.',
 'Mental health waiting lists leave teenagers in care without help for months.',
 'Practitioners want less prescription and more time to build relationships.',
 'Advocacy should be offered to every child, not only when they complain.',
 'Leaving care at sixteen or seventeen is far too young for most people.',
 'Care experienced adults still carry the records and the stigma for life.',
 'Leadership and stable teams make the biggest difference to practice.',
 'Funding is spent on crisis placements instead of family support services.',
 'Private providers make large profits from residential care.',
 'Children placed out of area lose their friends, their school and their family.',
 'Early help centres closed and families had nowhere to go.',
 'Young carers look after a parent and nobody notices at school.',
 'Special guardianship orders need better support after the court.',
 'Contact with birth families should be planned around what the child wants.',
 'The workforce needs a career path that keeps experienced social workers.',
 'Inspection should ask children what their care is like.',
 'Data about outcomes for care leavers is collected but rarely used.',
 'Corporate parenting means the whole council, not only children''s services.',
 'Families living in poverty are more likely to be investigated.',
 'Unaccompanied asylum seeking children need specialist care and legal help.',
 'Disabled children and their families wait years for short breaks.',
 'Youth workers and community groups are trusted by teenagers.',
 'Good care felt like being part of a family that would not give up.',
 'Court proceedings take too long and children wait in uncertainty.',
 'Housing for care leavers should be guaranteed by the council.',
 'Children should keep the same worker when they move between teams.',
 'Local areas should share what works with each other.'
]) t WHERE NOT EXISTS (SELECT 1 FROM bench_fragment);
INSERT INTO bench_rare (w)
SELECT w FROM unnest(ARRAY[
 'ombudsman','tribunal','dyslexia','apprenticeship','allotment','orthodontist','caravan','choir','skateboarding',
 'veterinary','lighthouse','astronomy','blacksmith','bricklaying','calligraphy','canoeing','chess','cricket',
 'embroidery','falconry','fencing','fishing','gardening','hairdressing','hockey','journalism','karate','knitting',
 'lacrosse','mechanics','midwifery','mountaineering','netball','origami','painting','parkour','photography',
 'plumbing','pottery','rowing','rugby','sailing','saxophone','sculpture','snooker','surfing','swimming',
 'taekwondo','tennis','theatre','trampolining','ukulele','violin','volleyball','welding','woodwork','yoga',
 'zoology','archaeology','architecture','beekeeping','biology','botany','carpentry','chemistry','coding',
 'cycling','dancing','drumming','economics','engineering','farming','geography','geology','guitar','history',
 'horseriding','judo','languages','law','literature','mathematics','meteorology','nursing','philosophy',
 'physics','piano','poetry','psychology','robotics','running','sociology','statistics','baking','boxing',
 'camping','climbing','cooking','darts','diving','football','golf','gymnastics','hiking','juggling','kayaking',
 'magic','modelling','motorcycling','orienteering','pilates','puppetry','rapping','scouting','singing','skiing',
 'snowboarding','sprinting','stargazing','storytelling','tailoring','upholstery','ventriloquism','volunteering',
 'windsurfing','wrestling','zumba','aquarium','bakery','barbershop','bookshop','bowling','cinema','circus',
 'florist','funfair','gallery','harbour','library','marina','museum','observatory','orchard','planetarium',
 'reservoir','stadium','velodrome','vineyard','windmill','zoo','accordion','bagpipes','banjo','bassoon','cello',
 'clarinet','cornet','flute','harmonica','harp','mandolin','oboe','trombone','trumpet','tuba','xylophone',
 'broccoli','cauliflower','courgette','parsnip','rhubarb','spinach','turnip','aubergine','asparagus','beetroot'
]) w WHERE NOT EXISTS (SELECT 1 FROM bench_rare);

WITH f AS (SELECT array_agg(t) a, count(*)::int n FROM bench_fragment),
     r AS (SELECT array_agg(w) a, count(*)::int n FROM bench_rare),
     ar AS (SELECT array_agg(id ORDER BY slug) a FROM area),
     th AS (SELECT ARRAY['SUPPORT','STRENGTHENING_FAMILIES','SAFETY','CARE','DELIVERY','SUSTAINABILITY','ACCOUNTABILITY'] a),
     gen AS (
       SELECT gen_random_uuid() AS id, g,
              CASE WHEN g % 5 IN (0, 1) THEN 'CALL_FOR_ADVICE' WHEN g % 5 = 2 THEN 'EBE_APPLICATION'
                   ELSE 'DEEP_DIVE_FEEDBACK' END AS kind,
              f.a[1 + floor(random() * f.n)::int] || ' ' || f.a[1 + floor(random() * f.n)::int] || ' '
                || CASE WHEN random() < 0.8 THEN 'I would add ' || r.a[1 + floor(random() * r.n)::int] || '. ' ELSE '' END
                || f.a[1 + floor(random() * f.n)::int] || ' ' || f.a[1 + floor(random() * f.n)::int] AS body,
              random() AS rs, floor(random() * 7)::int AS t1, floor(random() * 6)::int AS t2, random() AS rt,
              ar.a AS areas, th.a AS themes
       FROM generate_series(:from, :to) g, f, r, ar, th),
     ins AS (
INSERT INTO submission (id, kind, reference, status, area_id, themes, dilemmas, safeguarding, submitted_at,
                               search_vector, search_text, redacted_text, created_at, updated_at)
       SELECT id, kind,
              CASE kind WHEN 'CALL_FOR_ADVICE' THEN 'CFA' WHEN 'EBE_APPLICATION' THEN 'EBE' ELSE 'DDF' END || '-'
                || substr(lpad(upper(to_hex(g)), 8, '0'), 1, 4) || '-' || substr(lpad(upper(to_hex(g)), 8, '0'), 5, 4),
              CASE WHEN rs < 0.40 THEN 'NEW' WHEN rs < 0.65 THEN 'IN_REVIEW' WHEN rs < 0.85 THEN 'ACTIONED'
                   WHEN rs < 0.98 THEN 'ARCHIVED' WHEN rs < 0.99 THEN 'QUARANTINED' ELSE 'WITHDRAWN' END,
              CASE WHEN kind = 'DEEP_DIVE_FEEDBACK' THEN areas[1 + floor(random() * 10)::int] END,
              CASE WHEN rt < 0.5 THEN ARRAY[themes[1 + t1]]
                   ELSE ARRAY[themes[1 + least(t1, (t1 + 1 + t2) % 7)], themes[1 + greatest(t1, (t1 + 1 + t2) % 7)]] END,
              CASE WHEN kind = 'DEEP_DIVE_FEEDBACK' AND rt < 0.3 THEN ARRAY['HELP_AND_PROTECTION'] ELSE '{}' END,
              g % 500 = 7,
              timestamptz '2021-03-01 09:00Z' + (g::float8 / :total) * interval '450 days' + random() * interval '10 minutes',
              to_tsvector('english', body), body,
              CASE WHEN rs < 0.99 THEN jsonb_build_object(CASE kind WHEN 'CALL_FOR_ADVICE' THEN 'keyQuestions'
                   WHEN 'EBE_APPLICATION' THEN 'experienceStory' ELSE 'whatWorks' END, body) END, now(), now()
       FROM gen
       RETURNING id, kind, status, search_text)
-- Each answer redacted as the channel would have stored it (the text itself stands for its redaction here).
INSERT INTO redacted_answer (submission_id, answers, found, redacted_at)
SELECT id, jsonb_build_object(CASE kind WHEN 'CALL_FOR_ADVICE' THEN 'keyQuestions' WHEN 'EBE_APPLICATION'
           THEN 'experienceStory' ELSE 'whatWorks' END, search_text), '{}', now()
FROM ins WHERE status <> 'WITHDRAWN';
