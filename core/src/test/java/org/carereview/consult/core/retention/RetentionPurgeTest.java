package org.carereview.consult.core.retention;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test: every table filled, the clock moved past every period (the review ended on 30 June 2027,
 * so with the default six months its submissions are due from 1 January 2028; the audit log's 24 months from
 * 1 January 2029), one purge, and then no row in any table of the schema is older than its period, while rows
 * inside their period, and what is flagged for safeguarding, are still there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionPurgeTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2029-03-01T12:00:00Z");

    /** Tables no purge touches, and why. A new table must be added here or to {@link #OVERDUE}. */
    static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("flyway_schema_history", "the migrations applied"),
            Map.entry("role", "reference data"),
            Map.entry("theme", "reference data"),
            Map.entry("dilemma", "reference data"),
            Map.entry("region", "reference data"),
            Map.entry("area", "reference data: the deep-dive areas"),
            Map.entry("ebe_window", "a setting: when applications open and close"),
            Map.entry("message_template", "reference data: the review's own email texts"),
            Map.entry("message_template_version", "reference data: earlier versions of the review's texts"),
            Map.entry("safeguarding_phrase", "reference data: the screening's phrases"),
            Map.entry("safeguarding_phrase_change", "reference data: who changed a phrase, and when"),
            Map.entry("safeguarding_seed", "reference data: when the phrases were loaded"),
            Map.entry("safeguarding_example_seed", "reference data: when the examples were loaded"),
            Map.entry("safeguarding_example_file", "reference data: which shipped files of examples were loaded, when"),
            Map.entry("safeguarding_example_change", "reference data: labels and dates, no text"),
            Map.entry("safeguarding_model_version", "reference data: a counter"),
            Map.entry("second_factor", "a member of staff's second factor: kept with the staff account, and deleted "
                    + "with it when it is erased (only staff have one; the purge deletes only accounts without a password)"),
            Map.entry("recovery_code", "as second_factor: kept with the staff account, deleted with it"),
            Map.entry("staff_identity", "a member of staff's link to the organisation's identity provider (its "
                    + "subject, not a contributor's data), deleted with the staff account"),
            Map.entry("api_key", "an integration's key: its hash, name, scope and which administrator issued or revoked "
                    + "it, nothing about contributors; kept so the audit log can name the key behind what it did"),
            Map.entry("public_summary", "the review's own published words (\"You said, we did\") and counts already "
                    + "suppressed, with which member of staff wrote and published them; its quotes go with their submissions"),
            Map.entry("embedding_backfill", "how far the embeddings' back-fill has got: a model's name, counts, dates "
                    + "and the id of the last submission it passed, nothing anyone wrote"));

    /**
     * For every other table: how many rows are past their period at {@code ?} (the clock, with the review
     * over). Rows that belong to a submission are due with it; submissions flagged for safeguarding are kept.
     */
    static final Map<String, String> OVERDUE = new HashMap<>();

    static {
        String dueSubmission = "JOIN submission s ON s.id = t.submission_id WHERE NOT s.safeguarding AND ?::timestamptz IS NOT NULL";
        for (String table : List.of("advice_submission", "ebe_application", "ebe_score", "ebe_decision", "ebe_member",
                "ebe_member_change", "deep_dive_feedback", "submission_note", "submission_change", "safeguarding_flag",
                "safeguarding_action", "safeguarding_check_queue", "safeguarding_example", "sent_from", "redacted_answer",
                "answer_embedding", "embedding_due", "submission_campaign", "tag_suggestion", "tag_suggestion_run",
                "public_summary_quote")) {
            OVERDUE.put(table, "SELECT count(*) FROM " + table + " t " + dueSubmission);
        }
        OVERDUE.put("submission", "SELECT count(*) FROM submission WHERE NOT safeguarding AND ?::timestamptz IS NOT NULL");
        OVERDUE.put("ebe_equality", "SELECT count(*) FROM ebe_equality, ebe_window w "
                + "WHERE w.closes_at < ?::timestamptz - interval '90 days'");
        OVERDUE.put("deep_dive_link", "SELECT count(*) FROM deep_dive_link l WHERE ?::timestamptz IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM deep_dive_feedback f JOIN submission s ON s.id = f.submission_id "
                + "WHERE f.link_token = l.token AND s.safeguarding)");
        OVERDUE.put("deep_dive_session", "SELECT count(*) FROM deep_dive_session s WHERE ?::timestamptz IS NOT NULL "
                + "AND NOT s.safeguarding AND NOT EXISTS (SELECT 1 FROM deep_dive_feedback f JOIN submission k "
                + "ON k.id = f.submission_id WHERE f.session_id = s.id AND k.safeguarding)");
        OVERDUE.put("outbox_message", "SELECT count(*) FROM outbox_message "
                + "WHERE coalesce(sent_at, created_at) < ?::timestamptz - interval '30 days'");
        OVERDUE.put("idempotency_key", "SELECT count(*) FROM idempotency_key "
                + "WHERE created_at < ?::timestamptz - interval '30 days'");
        OVERDUE.put("account_token", "SELECT count(*) FROM account_token "
                + "WHERE expires_at < ?::timestamptz - interval '1 day'");
        OVERDUE.put("account", "SELECT count(*) FROM account a WHERE a.password_hash IS NULL "
                + "AND greatest(a.created_at, a.updated_at, a.last_used_at) < ?::timestamptz - interval '30 days' "
                + "AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.owner_id = a.id) "
                + "AND NOT EXISTS (SELECT 1 FROM draft d WHERE d.owner_id = a.id)");
        OVERDUE.put("account_role", "SELECT count(*) FROM account_role r JOIN account a ON a.id = r.account_id "
                + "WHERE a.password_hash IS NULL "
                + "AND greatest(a.created_at, a.updated_at, a.last_used_at) < ?::timestamptz - interval '30 days' "
                + "AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.owner_id = a.id)");
        OVERDUE.put("draft", "SELECT count(*) FROM draft WHERE expires_at < ?::timestamptz");
        OVERDUE.put("draft_link", "SELECT count(*) FROM draft_link WHERE expires_at < ?::timestamptz");
        OVERDUE.put("rate_limit", "SELECT count(*) FROM rate_limit WHERE window_start < ?::timestamptz - interval '10 minutes'");
        OVERDUE.put("sign_in_throttle", "SELECT count(*) FROM sign_in_throttle "
                + "WHERE greatest(updated_at, locked_until) < ?::timestamptz - CASE WHEN key LIKE 'second-factor:%' "
                + "THEN interval '1 day' ELSE interval '15 minutes' END");
        OVERDUE.put("audit_event", "SELECT count(*) FROM audit_event WHERE at < ?::timestamptz - interval '24 months'");
    }

    @Inject
    Retention retention;
    @Inject
    MutableClock clock;
    @Inject
    DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.review.ends-on", "2027-06-30");
        properties.put("consult.mail.folder", System.getProperty("java.io.tmpdir") + "/retention-purge-mail-"
                + java.util.UUID.randomUUID());
        return properties;
    }

    @Test
    void withTheClockPastEveryPeriodNoTableKeepsARowOlderThanItsPeriod() {
        TestSql.execute(db, "INSERT INTO ebe_window (id, opens_at, closes_at, updated_at) "
                + "VALUES (1, '2026-12-01T00:00Z', '2027-02-05T17:00Z', now()) "
                + "ON CONFLICT (id) DO UPDATE SET opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at");
        Fill.everything(db, START, 1, false);
        Fill.everything(db, START, 2, true);
        clock.set(LATER);
        Instant fresh = LATER.minus(Duration.ofMinutes(5));
        Fill.recent(db, fresh, 3);
        TestSql.execute(db, "INSERT INTO account (id, email, created_at, updated_at, last_used_at) VALUES "
                + "('00000003-0000-0000-0000-00000000000b', 'signed-in-lately@example.org', ?, ?, ?)",
                java.sql.Timestamp.from(START), java.sql.Timestamp.from(START), java.sql.Timestamp.from(fresh));

        Set<String> tables = new TreeSet<>(TestSql.column(db, "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"));
        List<String> unaccounted = new ArrayList<>();
        for (String table : tables) {
            if (!KEPT.containsKey(table) && !OVERDUE.containsKey(table)) {
                unaccounted.add(table);
            }
        }
        assertEquals(List.of(), unaccounted, "tables in neither the kept list nor the schedule of this test");
        assertEquals(tables.size(), KEPT.size() + OVERDUE.size(), "tables listed here that are not in the schema");
        for (String table : OVERDUE.keySet()) {
            assertTrue(overdue(table) > 0, table + " has no overdue row before the purge, so the test proves nothing");
        }

        Map<String, Integer> counts = retention.purge();

        for (String table : OVERDUE.keySet()) {
            assertEquals(0, overdue(table), table + " keeps rows older than its period; the purge said " + counts);
        }
        assertEquals(List.of("CFA-0002-0001"), TestSql.column(db, "SELECT reference FROM submission"),
                "only the submission flagged for safeguarding is kept");
        for (String table : List.of("advice_submission", "safeguarding_flag", "safeguarding_action", "sent_from",
                "submission_note", "submission_change", "safeguarding_example")) {
            assertEquals(1, TestSql.count(db, "SELECT count(*) FROM " + table + " WHERE submission_id IS NOT NULL"),
                    table + " of the flagged submission");
        }
        for (String table : List.of("outbox_message", "idempotency_key", "draft", "draft_link", "rate_limit",
                "sign_in_throttle")) {
            assertEquals(1, TestSql.count(db, "SELECT count(*) FROM " + table), "the recent row of " + table);
        }
        assertEquals(List.of("EXPORT"), TestSql.column(db, "SELECT action FROM audit_event WHERE at > ?",
                java.sql.Timestamp.from(LATER.minus(Duration.ofDays(1)))), "the recent audit entry");
        assertEquals(Set.of("contributor-2@example.org", "signed-in-lately@example.org", "staff-1@example.org",
                "staff-2@example.org"), Set.copyOf(TestSql.column(db, "SELECT email FROM account")),
                "the owner of a kept submission, a recent sign-in and staff are kept");
    }

    private long overdue(String table) {
        return TestSql.count(db, OVERDUE.get(table), java.sql.Timestamp.from(clock.instant()));
    }
}
