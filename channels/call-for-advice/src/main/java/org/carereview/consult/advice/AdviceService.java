package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.SubmissionSummary;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.core.submission.Theme;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The call for advice: validates a submission, stores the common record and its details, and queues
 * the receipt email, all in one transaction, so a submission is never half-written or unacknowledged.
 */
@Singleton
public class AdviceService {

    private final Redactions redactions;
    private final Submissions submissions;
    private final AdviceRepository details;
    private final AdviceSubmissionStore rows;
    private final AccountService accounts;
    private final AdviceReceipts receipts;
    private final AdviceConfiguration configuration;

    AdviceService(Submissions submissions, AdviceRepository details, AdviceSubmissionStore rows,
                  AccountService accounts, AdviceReceipts receipts, AdviceConfiguration configuration,
                  Redactions redactions) {
        this.rows = rows;
        this.redactions = redactions;
        this.submissions = submissions;
        this.details = details;
        this.accounts = accounts;
        this.receipts = receipts;
        this.configuration = configuration;
    }

    /** Field errors for this input, empty when it can be submitted. */
    public List<FieldError> check(AdviceInput input) {
        return AdviceValidator.validate(input, configuration.maxAnswerLength());
    }

    /**
     * Field errors for one question page: its own fields only, and not yet the rule that one of the
     * four questions must be answered (that is checked when the whole submission is).
     */
    public List<FieldError> checkPage(AdviceInput input, java.util.Set<String> fields) {
        return check(input).stream()
                .filter(e -> fields.contains(e.field()) && !AdviceValidator.AT_LEAST_ONE.equals(e.key()))
                .toList();
    }

    public int maxAnswerLength() {
        return configuration.maxAnswerLength();
    }

    /**
     * Reads these answers with the learned safeguarding check before the caller's transaction opens
     * ({@link Submissions#screenAhead}); nothing is read for answers that will be refused. Close it after.
     */
    public Screening.Ahead screenAhead(AdviceInput input) {
        if (!AdviceValidator.validate(input, configuration.maxAnswerLength()).isEmpty()) {
            return Screening.Ahead.NONE;
        }
        return submissions.screenAhead(searchText(input), null);
    }

    @Transactional
    public AdviceReceipt submit(AdviceInput input, @Nullable UUID signedInAccount) {
        return submit(input, signedInAccount, null);
    }

    /**
     * Stores a submission; with a quarantine reason it is stored QUARANTINED (for staff to release or
     * delete) and no receipt is emailed, so the service cannot be used to send mail to strangers.
     */
    @Transactional
    public AdviceReceipt submit(AdviceInput input, @Nullable UUID signedInAccount,
                                @Nullable QuarantineReason quarantineReason) {
        List<FieldError> errors = AdviceValidator.validate(input, configuration.maxAnswerLength());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String email = email(input);
        UUID owner = signedInAccount != null ? signedInAccount : email != null ? accounts.contributorFor(email) : null;
        AdviceDetails unsaved = unsaved(input, email);
        Redactions.NewRedaction redacted = redactions.redactNew(AdviceContent.answers(unsaved));
        NewSubmission created = submissions.create(draft(input, owner, quarantineReason, redacted));
        rows.insert(unsaved.of(created.id()));
        redactions.keepNew(created.id(), redacted);
        if (email != null && quarantineReason == null) {
            receipts.send(email, created.reference());
        }
        return new AdviceReceipt(created.id(), created.reference(), created.submittedAt());
    }

    @Transactional
    public Optional<AdviceView> find(UUID id) {
        Optional<SubmissionSummary> summary = submissions.find(id)
                .filter(s -> s.kind() == SubmissionKind.CALL_FOR_ADVICE);
        return summary.flatMap(s -> details.findById(id).map(d -> view(s, d)));
    }

    @Transactional
    public Optional<SubmissionSummary> summary(UUID id) {
        return submissions.find(id).filter(s -> s.kind() == SubmissionKind.CALL_FOR_ADVICE);
    }

    private static AdviceView view(SubmissionSummary s, AdviceDetails d) {
        return new AdviceView(s.id(), s.reference(), s.status(), s.submittedAt(), d.respondentType(), d.organisation(),
                d.keyQuestions(), d.engagementAdvice(), d.resources(), d.groupsToSpeakTo(), s.themes(),
                d.contactEmail(), d.consentToContact(), d.consentToPublish());
    }

    /** The contact address as it is stored (trimmed, in lower case), or null if none was given. */
    @Nullable
    static String email(AdviceInput input) {
        return AdviceValidator.isBlank(input.contactEmail()) ? null : Emails.normalise(input.contactEmail());
    }

    /** The details as they are stored, of valid input, before the submission has an id. */
    static AdviceDetails unsaved(AdviceInput input, @Nullable String email) {
        RespondentType type = AdviceValidator.parseRespondent(input.respondentType());
        return new AdviceDetails(null, type,
                type == RespondentType.ORGANISATION ? blankToNull(input.organisation()) : null,
                blankToNull(input.keyQuestions()), blankToNull(input.engagementAdvice()),
                blankToNull(input.resources()), blankToNull(input.groupsToSpeakTo()), email,
                Boolean.TRUE.equals(input.consentToContact()), Boolean.TRUE.equals(input.consentToPublish()));
    }

    /** The common record's draft, of valid input. */
    static SubmissionDraft draft(AdviceInput input, @Nullable UUID owner, @Nullable QuarantineReason quarantineReason,
                                 Redactions.NewRedaction redacted) {
        Set<Theme> themes = AdviceValidator.themes(input.themes());
        return new SubmissionDraft(SubmissionKind.CALL_FOR_ADVICE,
                quarantineReason == null ? SubmissionStatus.NEW : SubmissionStatus.QUARANTINED, owner, null, themes,
                Set.of(), searchText(input), quarantineReason).withRedactedAnswers(redacted.answers());
    }

    static String searchText(AdviceInput in) {
        return Stream.of(in.organisation(), in.keyQuestions(), in.engagementAdvice(), in.resources(), in.groupsToSpeakTo())
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return AdviceValidator.isBlank(s) ? null : s;
    }
}
