package org.carereview.consult.experts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.draft.StoredDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.db.FreshDatabase;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineRemindersTest implements FreshDatabase {

    static final Instant CLOSES = Instant.parse("2027-02-05T17:00:00Z");

    @Inject
    DeadlineReminders reminders;

    @Inject
    ApplicationWindow window;

    @Inject
    Drafts drafts;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, "2026-11-23T12:00:00Z");
        properties.put("consult.experts.reminders.enabled", "false");
        return properties;
    }

    @BeforeEach
    void window() {
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        window.set("2026-11-01T09:00", "2027-02-05T17:00", null);
    }

    private String unfinishedApplication(String email) {
        StoredDraft draft = drafts.start(SubmissionKind.EBE_APPLICATION, "{}", null, Duration.ofDays(90));
        drafts.setReminderEmail(draft.id(), email);
        return email;
    }

    private long remindersTo(String email) {
        return TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = ? "
                + "AND template = 'application-deadline-reminder'", email);
    }

    @Test
    void remindsExactlySeventyTwoAndTwentyFourHoursBeforeTheCloseOnceEach() {
        String email = unfinishedApplication("slow.applicant@example.org");
        clock.set(CLOSES.minus(Duration.ofHours(72)).minusMillis(1));
        reminders.send();
        assertEquals(0, remindersTo(email), "not before 72 hours");
        clock.set(CLOSES.minus(Duration.ofHours(72)));
        reminders.send();
        assertEquals(1, remindersTo(email));
        clock.advance(Duration.ofMinutes(1));
        reminders.send();
        assertEquals(1, remindersTo(email), "once");
        clock.set(CLOSES.minus(Duration.ofHours(24)).minusMillis(1));
        reminders.send();
        assertEquals(1, remindersTo(email), "not before 24 hours");
        clock.set(CLOSES.minus(Duration.ofHours(24)));
        reminders.send();
        reminders.send();
        assertEquals(2, remindersTo(email));
        List<String> fields = TestSql.column(dataSource, "SELECT concat_ws('|', fields->>'closes', fields->>'left') FROM outbox_message "
                + "WHERE recipient = ? ORDER BY created_at", email);
        assertEquals(List.of("5pm on Friday 5 February 2027|3 days", "5pm on Friday 5 February 2027|1 day"), fields);
        assertTrue(TestSql.column(dataSource, "SELECT fields->>'link' FROM outbox_message WHERE recipient = ?", email).get(0)
                .contains("/experts-by-experience/resume/"));
    }

    @Test
    void neverRemindsAtOrAfterTheClose() {
        String email = unfinishedApplication("too.late@example.org");
        clock.set(CLOSES);
        assertEquals(0, reminders.send());
        clock.set(CLOSES.plus(Duration.ofHours(1)));
        assertEquals(0, reminders.send());
        assertEquals(0, remindersTo(email));
    }

    @Test
    void aDraftStartedInTheLastDayGetsOnlyTheLastReminder() {
        clock.set(CLOSES.minus(Duration.ofHours(10)));
        String email = unfinishedApplication("last.minute@example.org");
        reminders.send();
        reminders.send();
        assertEquals(List.of("1 day"), TestSql.column(dataSource, "SELECT fields->>'left' FROM outbox_message WHERE recipient = ?", email));
    }

    @Test
    void draftsWithoutAnEmailAddressOrOfAnotherChannelAreNotReminded() {
        StoredDraft anonymous = drafts.start(SubmissionKind.EBE_APPLICATION, "{}", null, Duration.ofDays(90));
        StoredDraft advice = drafts.start(SubmissionKind.CALL_FOR_ADVICE, "{}", null, Duration.ofDays(90));
        drafts.setReminderEmail(advice.id(), "advice.person@example.org");
        clock.set(CLOSES.minus(Duration.ofHours(72)));
        reminders.send();
        assertEquals(0, remindersTo("advice.person@example.org"));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE id = ? AND cardinality(reminders_sent) > 0",
                anonymous.id()));
    }
}
