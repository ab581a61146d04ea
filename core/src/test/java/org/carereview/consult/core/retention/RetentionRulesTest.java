package org.carereview.consult.core.retention;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules one by one, with no review end date set (the default). Each test starts from empty tables. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionRulesTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
    static final java.nio.file.Path MAIL = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "retention-mail-" + java.util.UUID.randomUUID());
    static final Instant WINDOW_CLOSES = Instant.parse("2027-02-05T17:00:00Z");

    @Inject
    Retention retention;
    @Inject
    RetentionSchedule schedule;
    @Inject
    MutableClock clock;
    @Inject
    DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.mail.folder", MAIL.toString());
        return properties;
    }

    @BeforeEach
    void emptyTablesAndAWindow() {
        TestSql.execute(db, "DELETE FROM submission; DELETE FROM deep_dive_link; DELETE FROM deep_dive_session; "
                + "DELETE FROM outbox_message; DELETE FROM idempotency_key; DELETE FROM draft; DELETE FROM rate_limit; "
                + "DELETE FROM account WHERE email LIKE '%@example.org'");
        TestSql.execute(db, "INSERT INTO ebe_window (id, opens_at, closes_at, updated_at) "
                + "VALUES (1, '2026-12-01T00:00Z', ?, now()) "
                + "ON CONFLICT (id) DO UPDATE SET opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at",
                java.sql.Timestamp.from(WINDOW_CLOSES));
        clock.set(START);
    }

    @Test
    void withNoReviewEndDateSubmissionsAndApplicationsAreKeptHoweverOld() {
        Fill.everything(db, START, 1, false);
        clock.set(START.plus(Duration.ofDays(3650)));

        retention.purge();

        assertEquals(List.of("CFA-0001-0001", "DDF-0001-0003", "EBE-0001-0002"),
                TestSql.column(db, "SELECT reference FROM submission ORDER BY reference"),
                "everything but the quarantined and the withdrawn is kept");
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM deep_dive_session"));
        assertNull(schedule.periods().reviewEndsOn());
        assertTrue(schedule.rules().stream().anyMatch(rule -> rule.kept().contains("end date is not set")),
                "the page says plainly that submissions are kept");
    }

    @Test
    void quarantinedAndWithdrawnSubmissionsAreDeletedThirtyDaysOnNotBefore() {
        Fill.everything(db, START, 1, false);
        clock.set(START.plus(Duration.ofDays(29)));
        retention.purge();
        assertEquals(5, TestSql.count(db, "SELECT count(*) FROM submission"), "day 29: all kept");

        clock.set(START.plus(Duration.ofDays(31)));
        retention.purge();
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM submission WHERE status IN ('QUARANTINED', 'WITHDRAWN')"));
        assertEquals(3, TestSql.count(db, "SELECT count(*) FROM submission"));
    }

    @Test
    void aQuarantinedSubmissionFlaggedForSafeguardingIsKept() {
        Fill.everything(db, START, 1, false);
        TestSql.execute(db, "UPDATE submission SET safeguarding = true WHERE reference = 'CFA-0001-0004'");
        clock.set(START.plus(Duration.ofDays(400)));

        retention.purge();

        assertEquals(List.of("QUARANTINED"), TestSql.column(db,
                "SELECT status FROM submission WHERE status IN ('QUARANTINED', 'WITHDRAWN')"));
    }

    @Test
    void equalityAnswersAreDeletedNinetyDaysAfterTheApplicationWindowCloses() {
        Fill.everything(db, START, 1, false);
        clock.set(WINDOW_CLOSES.plus(Duration.ofDays(89)));
        retention.purge();
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM ebe_equality"), "still inside the period");

        clock.set(WINDOW_CLOSES.plus(Duration.ofDays(91)));
        retention.purge();
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM ebe_equality"));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM ebe_application"), "the application itself stays");
    }

    @Test
    void sentEmailsGoWithTheirAddressThirtyDaysAfterSendingButUnsentOnesStay() {
        Fill.recent(db, START, 1);
        TestSql.execute(db, "INSERT INTO outbox_message (template, recipient, status, next_attempt_at, created_at) "
                + "VALUES ('advice-received', 'waiting@example.org', 'CREATED', ?, ?)",
                java.sql.Timestamp.from(START), java.sql.Timestamp.from(START));
        clock.set(START.plus(Duration.ofDays(31)));

        retention.purge();

        assertEquals(List.of("waiting@example.org"), TestSql.column(db, "SELECT recipient FROM outbox_message"));
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM idempotency_key"));
    }

    @Test
    void emailFilesOfTheDemoMailFolderGoThirtyDaysAfterSendingByTheApplicationsClock() throws Exception {
        java.nio.file.Files.createDirectories(MAIL);
        java.nio.file.Path old = java.nio.file.Files.writeString(MAIL.resolve("20270101T000000Z-a-1.eml"), "old");
        java.nio.file.Path recent = java.nio.file.Files.writeString(MAIL.resolve("20270125T000000Z-b-2.eml"), "new");
        java.nio.file.Path other = java.nio.file.Files.writeString(MAIL.resolve("notes.eml"), "not a message");
        java.nio.file.Path text = java.nio.file.Files.writeString(MAIL.resolve("20270101T000000Z-c-3.sms.txt"), "old");
        clock.set(START.plus(Duration.ofDays(31)));

        retention.purge();

        assertTrue(java.nio.file.Files.notExists(old), "sent 31 days ago");
        assertTrue(java.nio.file.Files.notExists(text), "a text message's copy goes as an email's does");
        assertTrue(java.nio.file.Files.exists(recent), "sent 7 days ago");
        assertTrue(java.nio.file.Files.exists(other), "a file not named by the sender is left alone");
    }

    @Test
    void theAuditLogRefusesChangesAndDeletesOutsideThePurge() {
        TestSql.execute(db, "INSERT INTO audit_event (action, at) VALUES ('VIEW', '2020-01-01T00:00Z')");
        assertThrows(IllegalStateException.class,
                () -> TestSql.execute(db, "UPDATE audit_event SET detail = 'changed'"));
        assertThrows(IllegalStateException.class,
                () -> TestSql.execute(db, "DELETE FROM audit_event"));

        retention.purge();

        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM audit_event WHERE at < '2021-01-01'"),
                "the purge deletes what is past the audit period");
    }

    @Test
    void aContributorWhoSignsInAgainIsKeptThirtyDaysFromThatSignIn() {
        TestSql.execute(db, "INSERT INTO account (email, created_at, updated_at, last_used_at) "
                + "VALUES ('back@example.org', ?, ?, ?)", java.sql.Timestamp.from(START),
                java.sql.Timestamp.from(START), java.sql.Timestamp.from(START.plus(Duration.ofDays(20))));
        clock.set(START.plus(Duration.ofDays(45)));
        retention.purge();
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM account WHERE email = 'back@example.org'"));

        clock.set(START.plus(Duration.ofDays(51)));
        retention.purge();
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM account WHERE email = 'back@example.org'"));
    }
}
