package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.intake.IntakeWriter;
import org.carereview.consult.core.intake.Row;
import org.carereview.consult.core.intake.Rows;
import org.carereview.consult.core.intake.Together;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.notifications.Outbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API's applications written together with the others that arrive at the same moment ({@link IntakeWriter}):
 * the same rows {@link Applications#submit} writes, in one transaction per batch, which checks that the window is
 * still open before it writes its applications. Anything out of the ordinary (input that is refused, a window that
 * is not open, a key too long, an address the outbox refuses, a batch that failed) is left to
 * {@link Applications#submit}, which answers it as it always has.
 */
@Singleton
class ApplicationIntake {

    static final String SCOPE = "experts-by-experience";

    private final IntakeWriter writer;
    private final Applications applications;
    private final ApplicationWindow window;
    private final Submissions submissions;
    private final Redactions redactions;
    private final ApplicationStore store;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final Rows<ApplicationStore.Sealed> rows;
    private final Rows<Outbox.Queued> mails;

    ApplicationIntake(IntakeWriter writer, Applications applications, ApplicationWindow window,
                      Submissions submissions, Redactions redactions, ApplicationStore store,
                      Outbox outbox, Idempotency idempotency) {
        this.writer = writer;
        this.applications = applications;
        this.window = window;
        this.submissions = submissions;
        this.redactions = redactions;
        this.store = store;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.rows = new Rows<>(sealed -> {
            window.requireOpen();
            store.insertAll(sealed);
        });
        this.mails = new Rows<>(outbox::enqueueAll);
    }

    /** An application made ready for the writer, and the receipt it gets once written. */
    record Ready(Together together, ApplicationReceipt receipt) {
    }

    /**
     * Writes the application with the others arriving now (call it outside any transaction, while its screening read
     * ahead is open): its receipt once it is committed, or empty when it is to be submitted alone.
     *
     * @param rateKey the rate limit's key it counts against ({@code RateLimiter.countKey}), or null
     */
    Optional<ApplicationReceipt> submit(ApplicationInput input, @Nullable UUID signedIn, @Nullable String key,
                                        @Nullable String rateKey) {
        return prepare(input, signedIn, key, rateKey).filter(ready -> writer.write(ready.together()))
                .map(Ready::receipt);
    }

    /** Makes it ready for the writer (nothing is written), or empty when it is to be submitted alone. */
    Optional<Ready> prepare(ApplicationInput input, @Nullable UUID signedIn, @Nullable String key,
                            @Nullable String rateKey) {
        if (!writer.enabled() || !Idempotency.acceptable(key)) {
            return Optional.empty();
        }
        Window now = window.current();
        LocalDate today = applications.today();
        if (!now.open() || !applications.check(input).isEmpty()) {
            return Optional.empty();
        }
        String email = Applications.email(input);
        ApplicationStore.NewRow unsaved = Applications.unsaved(input, email, today);
        Redactions.NewRedaction redacted = redactions.redactNew(ApplicationContent.answers(unsaved));
        Submissions.Prepared prepared = submissions.prepare(SubmissionKind.EBE_APPLICATION,
                Applications.searchText(input), Applications.needs(input));
        ApplicationStore.Sealed sealed = store.seal(unsaved.of(prepared.id()), applications.equalityJson(input));
        String closes = ApplicationWindow.inWords(now.closesAt());
        Row<?> mail;
        try {
            mail = email == null ? null : mails.of(outbox.queued(Applications.RECEIPT_TEMPLATE, email,
                    applications.receiptFields(prepared.reference(), closes)));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
        ApplicationReceipt receipt = new ApplicationReceipt(prepared.id(), prepared.reference(),
                ApplicationOutcome.SUBMITTED);
        Together together = Together.of(idempotency.claim(SCOPE, key, input, receipt), rateKey, signedIn, email,
                owner -> {
                    List<Row<?>> written = new ArrayList<>(4);
                    written.add(submissions.row(prepared, SubmissionDraft.of(SubmissionKind.EBE_APPLICATION, owner,
                            null, Set.of(), Set.of(), Applications.searchText(input), Applications.needs(input))
                            .withRedactedAnswers(redacted.answers())));
                    written.add(redactions.newRow(prepared.id(), redacted));
                    written.add(rows.of(sealed));
                    if (mail != null) {
                        written.add(mail);
                    }
                    return written;
                }, () -> {
                    submissions.after(prepared);
                    if (Applications.textsReceipt(input)) {
                        outbox.enqueueText(Applications.RECEIPT_TEXT_TEMPLATE, input.phone(),
                                Applications.textFields(prepared.reference(), closes));
                    }
                });
        return Optional.of(new Ready(together, receipt));
    }
}
