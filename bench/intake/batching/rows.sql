-- pgbench script for bench/intake/batching/run.sh: the reference's four rows (bench/intake/intake.sql) for :rows
-- submissions in one transaction and one statement, a writable CTE inserting :rows rows into each table, as a node
-- that gathered the submissions arriving together and wrote them with one commit would. Run with -D rows=N.
-- Each row's texts are picked at random from intake.sql's; its receipt is due in 100 years, as the reference's.
\set many random(12, 480)
WITH texts AS (
  SELECT ARRAY['How will the review make sure young people leaving care get a real say in the housing they are offered?',
               'What will change for kinship carers who step in at short notice and get little help with the costs?',
               'How can social workers keep the same families for longer instead of handing them on every few months?',
               'Will the review look at why brothers and sisters are so often placed in different homes?',
               'How will the review measure whether early help for families actually reaches them in time?',
               'What support is there for foster carers when a placement ends suddenly and nobody explains why?',
               'How will councils be held to account for the promises they make in pathway plans?',
               'Why does support stop at eighteen or twenty one when most young people still rely on their families?',
               'How will the review hear from children who are placed far away from the area they grew up in?',
               'What can be done about the number of forms families have to fill in before anyone visits?',
               'Will there be any help with the cost of travel for family time between parents and children?',
               'How will schools and social care share information so that a child does not have to repeat their story?']
           AS questions,
         ARRAY['Talk to young people in small groups, with a worker they already know and trust in the room.',
               'Meet families in the evenings or at weekends, because many parents cannot take time off work.',
               'Use short online surveys as well as meetings, and keep the language plain and friendly.',
               'Pay people for their time and cover their travel, so that taking part does not cost them anything.',
               'Go to the places people already use, such as family hubs, youth clubs and children''s centres.',
               'Give people the questions in advance so they can think about what they want to say.',
               'Let people bring a friend or an advocate, and make it clear they can stop at any point.',
               'Share a summary afterwards of what people said and how it shaped the recommendations.',
               'Ask foster carers'' associations to share the invitation, as carers trust them more than letters.',
               'Offer interpreters and easy read versions so that every family can take part on equal terms.']
           AS advice),
x AS (SELECT lpad(upper(to_hex(nextval('bench_intake_reference'))), 8, '0') AS h,
             questions[1 + floor(random() * 12)::int] || ' ' || questions[1 + floor(random() * 12)::int]
             || ' In our area around ' || :many || ' children and young people are affected.' AS q,
             advice[1 + floor(random() * 10)::int] || ' ' || advice[1 + floor(random() * 10)::int] AS a
      FROM texts, generate_series(1, :rows::int)),
s AS (INSERT INTO submission (kind, reference, status, themes, submitted_at, created_at, updated_at, search_text,
                              search_vector)
      SELECT 'CALL_FOR_ADVICE', 'CFA-' || substr(h, 1, 4) || '-' || substr(h, 5, 4), 'NEW', ARRAY['SUPPORT', 'CARE'],
             now(), now(), now(), q || E'\n' || a, to_tsvector('english', q || E'\n' || a) FROM x
      RETURNING id, reference, search_text, submitted_at),
d AS (INSERT INTO advice_submission (submission_id, respondent_type, key_questions, engagement_advice, contact_email,
                                     consent_to_contact, consent_to_publish)
      SELECT id, 'CARE_EXPERIENCED', split_part(search_text, E'\n', 1), split_part(search_text, E'\n', 2),
             'ref-' || id || '@example.org', true, false FROM s),
o AS (INSERT INTO outbox_message (id, channel, template, recipient, fields, status, attempts, next_attempt_at, created_at)
      SELECT gen_random_uuid(), 'EMAIL', 'advice-receipt', 'ref-' || id || '@example.org',
             jsonb_build_object('reference', reference), 'CREATED', 0, now() + interval '100 years', now() FROM s)
INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
SELECT 'call-for-advice', gen_random_uuid()::text, encode(sha256(convert_to(id::text || random(), 'UTF8')), 'hex'), 201,
       '{"id":"' || id::text || '","reference":"' || reference || '","submittedAt":"' || submitted_at::text || '"}', now()
FROM s;
