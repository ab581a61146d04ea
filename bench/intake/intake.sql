-- pgbench script for bench/intake/run.sh: the reference. One transaction with the four rows a call-for-advice
-- submission needs, in the application's own tables (with their indexes, constraints and triggers), written as
-- directly as PostgreSQL allows: the submission (its search vector computed in the insert), its call-for-advice
-- details, the receipt in the outbox and the idempotency key with the answer. Nothing else the application does per
-- submission (rate limit, contributor account, screening, redaction, the answer's second write) is here.
--   pgbench -n -M prepared -c 16 -j 1 -T 30 -f bench/intake/intake.sql consult
-- References are CFA- and eight hex digits from the sequence bench_intake_reference (run.sh creates it): the first
-- of them is 0, a character the application's references never use, so the two can never collide, and a query can
-- tell them apart (reference ~ '^CFA-0'). The receipts are due in 100 years, so the application's dispatcher,
-- which runs beside pgbench, never sends them (they are written to the same index as a receipt waiting to be sent).
\set q1 random(1, 12)
\set q2 random(1, 12)
\set a1 random(1, 10)
\set a2 random(1, 10)
\set many random(12, 480)
\set theme random(1, 7)
\set other_theme 1 + (:theme + random(0, 5)) % 7
\set respondent random(1, 5)
BEGIN;
INSERT INTO submission (kind, reference, status, themes, submitted_at, created_at, updated_at, search_text,
                        search_vector)
SELECT 'CALL_FOR_ADVICE', 'CFA-' || substr(h, 1, 4) || '-' || substr(h, 5, 4), 'NEW',
       ARRAY[(ARRAY['SUPPORT', 'STRENGTHENING_FAMILIES', 'SAFETY', 'CARE', 'DELIVERY', 'SUSTAINABILITY',
                    'ACCOUNTABILITY'])[:theme],
             (ARRAY['SUPPORT', 'STRENGTHENING_FAMILIES', 'SAFETY', 'CARE', 'DELIVERY', 'SUSTAINABILITY',
                    'ACCOUNTABILITY'])[:other_theme]],
       now(), now(), now(), q || E'\n' || a, to_tsvector('english', q || E'\n' || a)
FROM (SELECT lpad(upper(to_hex(nextval('bench_intake_reference'))), 8, '0') AS h,
             (ARRAY['How will the review make sure young people leaving care get a real say in the housing they are offered?',
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
                    'How will schools and social care share information so that a child does not have to repeat their story?'])[:q1]
             || ' ' || (ARRAY['How will the review make sure young people leaving care get a real say in the housing they are offered?',
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
                    'How will schools and social care share information so that a child does not have to repeat their story?'])[:q2]
             || ' In our area around ' || :many || ' children and young people are affected.' AS q,
             (ARRAY['Talk to young people in small groups, with a worker they already know and trust in the room.',
                    'Meet families in the evenings or at weekends, because many parents cannot take time off work.',
                    'Use short online surveys as well as meetings, and keep the language plain and friendly.',
                    'Pay people for their time and cover their travel, so that taking part does not cost them anything.',
                    'Go to the places people already use, such as family hubs, youth clubs and children''s centres.',
                    'Give people the questions in advance so they can think about what they want to say.',
                    'Let people bring a friend or an advocate, and make it clear they can stop at any point.',
                    'Share a summary afterwards of what people said and how it shaped the recommendations.',
                    'Ask foster carers'' associations to share the invitation, as carers trust them more than letters.',
                    'Offer interpreters and easy read versions so that every family can take part on equal terms.'])[:a1]
             || ' ' || (ARRAY['Talk to young people in small groups, with a worker they already know and trust in the room.',
                    'Meet families in the evenings or at weekends, because many parents cannot take time off work.',
                    'Use short online surveys as well as meetings, and keep the language plain and friendly.',
                    'Pay people for their time and cover their travel, so that taking part does not cost them anything.',
                    'Go to the places people already use, such as family hubs, youth clubs and children''s centres.',
                    'Give people the questions in advance so they can think about what they want to say.',
                    'Let people bring a friend or an advocate, and make it clear they can stop at any point.',
                    'Share a summary afterwards of what people said and how it shaped the recommendations.',
                    'Ask foster carers'' associations to share the invitation, as carers trust them more than letters.',
                    'Offer interpreters and easy read versions so that every family can take part on equal terms.'])[:a2] AS a) x
RETURNING id, reference, split_part(search_text, E'\n', 1) AS key_questions, split_part(search_text, E'\n', 2) AS advice,
          'ref-' || gen_random_uuid() || '@example.org' AS email, submitted_at::text AS submitted_at \gset
INSERT INTO advice_submission (submission_id, respondent_type, key_questions, engagement_advice, contact_email,
                               consent_to_contact, consent_to_publish)
VALUES (:id, (ARRAY['CARE_EXPERIENCED', 'PARENT_OR_FAMILY', 'FOSTER_OR_KINSHIP_CARER', 'PRACTITIONER', 'OTHER'])[:respondent],
        :key_questions, :advice, :email, true, false);
INSERT INTO outbox_message (id, channel, template, recipient, fields, status, attempts, next_attempt_at, created_at)
VALUES (gen_random_uuid(), 'EMAIL', 'advice-receipt', :email, jsonb_build_object('reference', :reference::text),
        'CREATED', 0, now() + interval '100 years', now());
INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
VALUES ('call-for-advice', gen_random_uuid()::text, encode(sha256(convert_to(:id::text || random(), 'UTF8')), 'hex'), 201,
        '{"id":"' || :id::text || '","reference":"' || :reference::text || '","submittedAt":"' || :submitted_at::text || '"}',
        now());
COMMIT;
