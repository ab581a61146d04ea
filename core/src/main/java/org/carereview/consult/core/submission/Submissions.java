package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.intake.IntakeWriter;
import org.carereview.consult.core.intake.Row;
import org.carereview.consult.core.intake.Rows;
import org.carereview.consult.core.safeguarding.LearnedQueue;
import org.carereview.consult.core.safeguarding.SafeguardingAlerts;
import org.carereview.consult.core.safeguarding.Screening;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads the common submission record; channels call this inside their own transaction. Every
 * submission's free text (its {@code searchText} with any screened-only text) is screened for a possible
 * safeguarding disclosure here, so a flag and the lead's alert are written in the same transaction as the
 * submission, whatever the channel. If the learned check could not read it yet, it is queued for it in the same
 * transaction ({@link LearnedQueue}). Text a channel marks screened-only (special-category, stored sealed by the
 * channel) is screened by the phrases and the learned check here, but not stored for search; a submission
 * queued for the learned check keeps it sealed in the queue until the check has read it.
 */
@Singleton
public class Submissions {

    private final SubmissionRepository repository;
    private final SubmissionInsertStore inserts;
    private final References references;
    private final Screening screening;
    private final SafeguardingAlerts alerts;
    private final LearnedQueue learnedQueue;
    private final Clock clock;
    private final Rows<SubmissionInsertStore.NewRow> rows;

    Submissions(SubmissionRepository repository, SubmissionInsertStore inserts, References references,
                Screening screening, SafeguardingAlerts alerts, LearnedQueue learnedQueue, Clock clock) {
        this.repository = repository;
        this.inserts = inserts;
        this.references = references;
        this.screening = screening;
        this.alerts = alerts;
        this.learnedQueue = learnedQueue;
        this.clock = clock;
        this.rows = new Rows<>(inserts::insertAll);
    }

    /**
     * Reads a coming submission's text with the learned check before the caller opens its transaction
     * ({@link Screening#ahead}): call it with the {@code searchText} and {@code screenedOnlyText} the draft will
     * have, after the input is known to be valid and the sender not over the rate limit, and close it after.
     */
    public Screening.Ahead screenAhead(@Nullable String searchText, @Nullable String screenedOnlyText) {
        return screening.ahead(screened(searchText, screenedOnlyText));
    }

    /**
     * A new submission screened in its request, with its id, reference and time chosen, for the intake's writer
     * ({@link IntakeWriter}) to write with others: {@link #prepare}, then in the batch's transaction {@link #row} and,
     * after every row, {@link #after}.
     */
    public record Prepared(UUID id, String reference, Instant submittedAt, Screening.Result screened,
                           @Nullable String screenedOnly) {
    }

    /**
     * Screens a coming submission's text as {@link #create} does (call it while its {@link #screenAhead} is open) and
     * chooses its id and reference; nothing is written.
     */
    public Prepared prepare(SubmissionKind kind, @Nullable String searchText, @Nullable String screenedOnly) {
        Screening.Result screened = screening.screen(screened(searchText, screenedOnly));
        return new Prepared(UUID.randomUUID(), references.next(kind), clock.instant(), screened, screenedOnly);
    }

    /** Its common record as a row for the writer, with its draft (made in the batch's transaction, its owner found). */
    public Row<?> row(Prepared prepared, SubmissionDraft draft) {
        return rows.of(new SubmissionInsertStore.NewRow(prepared, draft));
    }

    /** In the batch's transaction, after its row: the flag and the lead's alert, or its place in the learned queue. */
    public void after(Prepared prepared) {
        Screening.Result screened = prepared.screened();
        if (screened.flagged()) {
            alerts.flag(prepared.id(), prepared.reference(), SafeguardingAlerts.Source.SCREENING, screened.score(),
                    screened.matched(), null, screened.learned());
        }
        if (screened.pending()) {
            learnedQueue.add(prepared.id(), prepared.screenedOnly());
        }
    }

    /**
     * Writes a new submission alone, in the caller's transaction: screened, its row written (with another reference
     * if its first is taken, about 1 in 10^11), then {@link #after}, as the intake's writer does for several.
     */
    @Transactional
    public NewSubmission create(SubmissionDraft draft) {
        Prepared prepared = prepare(draft.kind(), draft.searchText(), draft.screenedOnlyText());
        while (!inserts.insert(new SubmissionInsertStore.NewRow(prepared, draft))) {
            prepared = new Prepared(prepared.id(), references.next(draft.kind()), prepared.submittedAt(),
                    prepared.screened(), prepared.screenedOnly());
        }
        after(prepared);
        return new NewSubmission(prepared.id(), prepared.reference(), prepared.submittedAt());
    }

    /** The text screened for a submission: its searchable text and its screened-only text. */
    private static String screened(@Nullable String searchText, @Nullable String screenedOnly) {
        String text = searchText == null ? "" : searchText;
        return screenedOnly == null || screenedOnly.isBlank() ? text
                : text.isEmpty() ? screenedOnly : text + "\n" + screenedOnly;
    }

    @Transactional
    public Optional<SubmissionSummary> find(UUID id) {
        return repository.findById(id).map(s -> SubmissionSummary.of(s, learnedQueue.holds(id)));
    }
}
