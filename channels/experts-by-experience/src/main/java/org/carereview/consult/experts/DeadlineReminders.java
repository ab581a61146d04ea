package org.carereview.consult.experts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.draft.Reminder;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.notifications.Addresses;
import org.carereview.consult.notifications.Outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reminds people with an unfinished application (and an email address) at exactly 72 and 24 hours
 * before the close (at the job's next run), once each, and never after the close. A run that finds both
 * moments passed sends only the later reminder.
 */
@Singleton
public class DeadlineReminders {

    enum Moment {
        THREE_DAYS("72h", Duration.ofHours(72), "3 days"),
        ONE_DAY("24h", Duration.ofHours(24), "1 day");

        final String mark;
        final Duration before;
        final String inWords;

        Moment(String mark, Duration before, String inWords) {
            this.mark = mark;
            this.before = before;
            this.inWords = inWords;
        }
    }

    static final String RESUME_PATH = "/experts-by-experience/resume/";

    private final ApplicationWindow window;
    private final Drafts drafts;
    private final Outbox outbox;
    private final Clock clock;

    DeadlineReminders(ApplicationWindow window, Drafts drafts, Outbox outbox, Clock clock) {
        this.window = window;
        this.drafts = drafts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends the reminders now due; answers how many. */
    @Transactional
    public int send() {
        Instant now = clock.instant();
        Instant closes = window.current().closesAt();
        if (!now.isBefore(closes)) {
            return 0;
        }
        List<String> passed = new ArrayList<>();
        Moment latest = null;
        for (Moment moment : Moment.values()) {
            if (!now.isBefore(closes.minus(moment.before))) {
                passed.add(moment.mark);
                latest = moment;
            }
        }
        if (latest == null) {
            return 0;
        }
        List<Reminder> due = drafts.claimReminders(SubmissionKind.EBE_APPLICATION, latest.mark, passed);
        for (Reminder reminder : due) {
            if (!Addresses.isDeliverable(reminder.email())) {
                continue; // kept before addresses were checked as the outbox checks them: it would refuse it
            }
            outbox.enqueue("application-deadline-reminder", reminder.email(), Map.of(
                    "closes", ApplicationWindow.inWords(closes),
                    "left", latest.inWords,
                    "link", drafts.newLink(SubmissionKind.EBE_APPLICATION, reminder.draftId(), RESUME_PATH)));
        }
        return due.size();
    }
}
