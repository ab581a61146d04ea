package org.carereview.consult.core.retention;

import org.carereview.consult.db.TestSql;

import javax.sql.DataSource;
import java.time.Instant;

/** Rows for the retention tests, written with SQL so that every table gets some, at a chosen time. */
final class Fill {

    private Fill() {
    }

    /**
     * A row in every table that holds people's data, dated {@code at}: a contributor with advice, an
     * application (equality, score, decision, membership), deep-dive feedback through a link of a session, a
     * quarantined and a withdrawn submission, their notes, history, flags and audit, an idle contributor
     * account, a staff scorer, sent email, idempotency key, draft with link, rate-limit window. {@code n}
     * (1 to 9) keeps the ids of each batch apart; {@code flagged} marks the advice for safeguarding.
     */
    static void everything(DataSource db, Instant at, int n, boolean flagged) {
        String token = "abcdefghjkmnpqrs" + "tuvwxyz23456789".charAt(n) + "z";
        TestSql.execute(db, """
                INSERT INTO account (id, email, created_at, updated_at) VALUES
                    ('0000000%2$d-0000-0000-0000-00000000000a', 'contributor-%2$d@example.org', '%1$s', '%1$s'),
                    ('0000000%2$d-0000-0000-0000-00000000000b', 'idle-%2$d@example.org', '%1$s', '%1$s');
                INSERT INTO account (id, email, password_hash, created_at, updated_at) VALUES
                    ('0000000%2$d-0000-0000-0000-00000000000c', 'staff-%2$d@example.org', 'x', '%1$s', '%1$s');
                INSERT INTO account_role (account_id, role) VALUES
                    ('0000000%2$d-0000-0000-0000-00000000000a', 'CONTRIBUTOR'),
                    ('0000000%2$d-0000-0000-0000-00000000000b', 'CONTRIBUTOR'),
                    ('0000000%2$d-0000-0000-0000-00000000000c', 'REVIEWER');
                INSERT INTO account_token (token_hash, account_id, purpose, expires_at, created_at) VALUES
                    ('hash-%2$d', '0000000%2$d-0000-0000-0000-00000000000b', 'MAGIC_LINK',
                     '%1$s'::timestamptz + interval '15 minutes', '%1$s');
                INSERT INTO submission (id, kind, reference, status, owner_id, safeguarding, withdrawn_at,
                                        submitted_at, created_at, updated_at) VALUES
                    ('0000000%2$d-0000-0000-0000-000000000001', 'CALL_FOR_ADVICE', 'CFA-000%2$d-0001', 'NEW',
                     '0000000%2$d-0000-0000-0000-00000000000a', %3$s, NULL, '%1$s', '%1$s', '%1$s'),
                    ('0000000%2$d-0000-0000-0000-000000000002', 'EBE_APPLICATION', 'EBE-000%2$d-0002', 'NEW',
                     NULL, false, NULL, '%1$s', '%1$s', '%1$s'),
                    ('0000000%2$d-0000-0000-0000-000000000003', 'DEEP_DIVE_FEEDBACK', 'DDF-000%2$d-0003', 'NEW',
                     NULL, false, NULL, '%1$s', '%1$s', '%1$s'),
                    ('0000000%2$d-0000-0000-0000-000000000004', 'CALL_FOR_ADVICE', 'CFA-000%2$d-0004', 'QUARANTINED',
                     NULL, false, NULL, '%1$s', '%1$s', '%1$s'),
                    ('0000000%2$d-0000-0000-0000-000000000005', 'CALL_FOR_ADVICE', 'CFA-000%2$d-0005', 'WITHDRAWN',
                     NULL, false, '%1$s', '%1$s', '%1$s', '%1$s');
                INSERT INTO advice_submission (submission_id, respondent_type, key_questions, contact_email,
                                               consent_to_contact, consent_to_publish)
                    SELECT id, 'CARE_EXPERIENCED', 'Why do children move so often?', 'me@example.org', true, false
                    FROM submission WHERE kind = 'CALL_FOR_ADVICE' AND id::text LIKE '0000000%2$d-%%';
                INSERT INTO ebe_application (submission_id, name, email)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000002', 'Sam', 'sam@example.org');
                INSERT INTO ebe_equality (submission_id, answers)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000002', '{"ethnicity": "prefer not to say"}');
                INSERT INTO ebe_score (submission_id, scorer_id, criteria, total, created_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000002', '0000000%2$d-0000-0000-0000-00000000000c',
                            '{}', 5, '%1$s');
                INSERT INTO ebe_decision (submission_id, outcome, decided_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000002', 'SELECTED', '%1$s');
                INSERT INTO ebe_member (submission_id, status, effective_date, updated_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000002', 'ACTIVE', '%1$s'::timestamptz::date, '%1$s');
                INSERT INTO ebe_member_change (submission_id, status, effective_date, reason, changed_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000002', 'ACTIVE', '%1$s'::timestamptz::date,
                            'Selected', '%1$s');
                INSERT INTO deep_dive_session (id, area_id, held_on, audience, facilitator, notes, created_at)
                    SELECT '0000000%2$d-0000-0000-0000-0000000000d0', id, '%1$s'::timestamptz::date, 'FAMILIES',
                           'Alex', 'Notes', '%1$s' FROM area WHERE slug = 'camden';
                INSERT INTO deep_dive_link (token, area_id, session_id, created_at)
                    SELECT '%4$s', id, '0000000%2$d-0000-0000-0000-0000000000d0', '%1$s' FROM area WHERE slug = 'camden';
                INSERT INTO deep_dive_feedback (submission_id, area_id, session_id, what_works, source, link_token)
                    SELECT '0000000%2$d-0000-0000-0000-000000000003', id, '0000000%2$d-0000-0000-0000-0000000000d0',
                           'Being listened to', 'LINK', '%4$s' FROM area WHERE slug = 'camden';
                INSERT INTO submission_note (submission_id, body, created_at)
                    SELECT id, 'A note', '%1$s' FROM submission WHERE id::text LIKE '0000000%2$d-%%';
                INSERT INTO submission_change (submission_id, field, old_value, new_value, changed_at)
                    SELECT id, 'status', 'NEW', 'IN_REVIEW', '%1$s' FROM submission WHERE id::text LIKE '0000000%2$d-%%';
                INSERT INTO safeguarding_flag (submission_id, source, matched, flagged_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000001', 'STAFF', '', '%1$s');
                INSERT INTO safeguarding_action (submission_id, action, taken_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000001', 'Called the council', '%1$s');
                INSERT INTO safeguarding_check_queue (submission_id, queued_at)
                    VALUES ('0000000%2$d-0000-0000-0000-000000000001', '%1$s');
                INSERT INTO safeguarding_example (text, label, source, submission_id, added_at)
                    VALUES ('Something worrying', 'DISCLOSURE', 'LEAD', '0000000%2$d-0000-0000-0000-000000000001', '%1$s');
                INSERT INTO sent_from (kind, source, submission_id, sent_at)
                    VALUES ('CALL_FOR_ADVICE', 'draft-%2$d', '0000000%2$d-0000-0000-0000-000000000001', '%1$s');
                INSERT INTO audit_event (action, submission_id, at)
                    VALUES ('VIEW', '0000000%2$d-0000-0000-0000-000000000001', '%1$s');
                INSERT INTO redacted_answer (submission_id, answers, found, redacted_at)
                    SELECT id, '{"keyQuestions": "Why do children move so often?"}', '{}', '%1$s'
                    FROM submission WHERE kind = 'CALL_FOR_ADVICE' AND status <> 'WITHDRAWN'
                    AND id::text LIKE '0000000%2$d-%%';
                INSERT INTO answer_embedding (submission_id, field, queued_at)
                    SELECT submission_id, 'keyQuestions', '%1$s' FROM redacted_answer
                    WHERE submission_id::text LIKE '0000000%2$d-%%';
                INSERT INTO submission_campaign (submission_id, group_id, group_size, grouped_at)
                    SELECT id, '0000000%2$d-0000-0000-0000-000000000001', 2, '%1$s'
                    FROM submission WHERE kind = 'CALL_FOR_ADVICE' AND status <> 'WITHDRAWN'
                    AND id::text LIKE '0000000%2$d-%%';
                INSERT INTO public_summary (id, channel, title, what_we_did, what_we_did_child, created_at, updated_at)
                    VALUES ('0000000%2$d-0000-0000-0000-0000000000e0', 'CALL_FOR_ADVICE', 'Moves', 'We asked.',
                            'We asked.', '%1$s', '%1$s') ON CONFLICT (id) DO NOTHING;
                INSERT INTO public_summary_quote (summary_id, submission_id, field, text, added_at)
                    VALUES ('0000000%2$d-0000-0000-0000-0000000000e0', '0000000%2$d-0000-0000-0000-000000000001',
                            'keyQuestions', 'children move so often', '%1$s');
                INSERT INTO tag_suggestion_run (submission_id, made_at)
                    SELECT id, '%1$s' FROM submission WHERE kind = 'CALL_FOR_ADVICE' AND id::text LIKE '0000000%2$d-%%';
                INSERT INTO tag_suggestion (submission_id, frame, code, confidence, sentence, made_at)
                    SELECT id, 'THEME', 'CARE', 0.5, 'Why do children move so often?', '%1$s'
                    FROM submission WHERE kind = 'CALL_FOR_ADVICE' AND id::text LIKE '0000000%2$d-%%';
                """.formatted(at, n, flagged, token));
        recent(db, at, n);
    }

    /**
     * The rows that only age: email, idempotency key, sign-in link, draft and its link, rate limit, sign-in
     * attempts, audit.
     */
    static void recent(DataSource db, Instant at, int n) {
        TestSql.execute(db, """
                INSERT INTO outbox_message (template, recipient, fields, status, next_attempt_at, created_at, sent_at)
                    VALUES ('advice-received', 'recent-%2$d@example.org', '{"reference": "CFA-0000-0000"}', 'SENT',
                            '%1$s', '%1$s', '%1$s');
                INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
                    VALUES ('advice', 'key-%2$d-' || gen_random_uuid(), 'h', 201, '{}', '%1$s');
                INSERT INTO draft (id, kind, answers, reminder_email, started_at, updated_at, expires_at)
                    VALUES ('0000000%2$d-0000-0000-0000-0000000000df', 'CALL_FOR_ADVICE', '{"q": "half an answer"}',
                            'me@example.org', '%1$s', '%1$s', '%1$s'::timestamptz + interval '30 days');
                INSERT INTO draft_link (token_hash, draft_id, expires_at)
                    VALUES ('draft-hash-%2$d', '0000000%2$d-0000-0000-0000-0000000000df',
                            '%1$s'::timestamptz + interval '30 days');
                INSERT INTO rate_limit (bucket, window_start, hits) VALUES ('198.51.100.%2$d', '%1$s', 3);
                INSERT INTO sign_in_throttle (key, failures, window_start, locked_until, updated_at)
                    VALUES ('account:0000000000000000000000000000000%2$d', 6, '%1$s',
                            '%1$s'::timestamptz + interval '2 minutes', '%1$s');
                INSERT INTO audit_event (action, at) VALUES ('EXPORT', '%1$s');
                """.formatted(at, n));
    }
}
