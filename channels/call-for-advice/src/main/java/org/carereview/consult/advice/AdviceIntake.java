package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.intake.IntakeWriter;
import org.carereview.consult.core.intake.Row;
import org.carereview.consult.core.intake.Rows;
import org.carereview.consult.core.intake.Together;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's submissions written together with the others that arrive at the same moment ({@link IntakeWriter}):
 * the same rows {@link AdviceService#submit} writes, in one transaction per batch. Anything out of the ordinary
 * (input that is refused, a key too long, an address the outbox refuses, a batch that failed) is left to
 * {@link AdviceService#submit}, which answers it as it always has.
 */
@Singleton
class AdviceIntake {

    static final String SCOPE = "call-for-advice";

    private final IntakeWriter writer;
    private final AdviceService advice;
    private final Submissions submissions;
    private final Redactions redactions;
    private final AdviceReceipts receipts;
    private final Idempotency idempotency;
    private final Rows<AdviceDetails> details;

    AdviceIntake(IntakeWriter writer, AdviceService advice, Submissions submissions, Redactions redactions,
                 AdviceReceipts receipts, Idempotency idempotency,
                 AdviceSubmissionStore store) {
        this.writer = writer;
        this.advice = advice;
        this.submissions = submissions;
        this.redactions = redactions;
        this.receipts = receipts;
        this.idempotency = idempotency;
        this.details = new Rows<>(store::insertAll);
    }

    /**
     * Writes the submission with the others arriving now (call it outside any transaction, while its screening read
     * ahead is open): its receipt once it is committed, or empty when it is to be submitted alone.
     *
     * @param rateKey the rate limit's key it counts against ({@code RateLimiter.countKey}), or null
     */
    Optional<AdviceReceipt> submit(AdviceInput input, @Nullable UUID signedIn, @Nullable String key,
                                   @Nullable String rateKey) {
        if (!writer.enabled() || !Idempotency.acceptable(key) || !advice.check(input).isEmpty()) {
            return Optional.empty();
        }
        String email = AdviceService.email(input);
        AdviceDetails unsaved = AdviceService.unsaved(input, email);
        Redactions.NewRedaction redacted = redactions.redactNew(AdviceContent.answers(unsaved));
        Submissions.Prepared prepared = submissions.prepare(SubmissionKind.CALL_FOR_ADVICE,
                AdviceService.searchText(input), null);
        AdviceReceipt receipt = new AdviceReceipt(prepared.id(), prepared.reference(), prepared.submittedAt());
        Row<?> mail;
        try {
            mail = email == null ? null : receipts.row(email, prepared.reference());
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
        Together together = Together.of(idempotency.claim(SCOPE, key, input, receipt), rateKey, signedIn, email,
                owner -> {
                    List<Row<?>> rows = new ArrayList<>(4);
                    rows.add(submissions.row(prepared, AdviceService.draft(input, owner, null, redacted)));
                    rows.add(redactions.newRow(prepared.id(), redacted));
                    rows.add(details.of(unsaved.of(prepared.id())));
                    if (mail != null) {
                        rows.add(mail);
                    }
                    return rows;
                }, () -> submissions.after(prepared));
        return writer.write(together) ? Optional.of(receipt) : Optional.empty();
    }
}
