package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.submission.SentFrom;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.SubmissionSummary;
import org.carereview.consult.core.submission.Submissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Feedback cards: from a participant through a link, or entered by a facilitator one at a time, many at
 * once, or from a CSV file. Many cards are stored all or nothing: one invalid card stores none, and every
 * error names its card (or its line). Each card is a common submission row (with its themes and dilemmas)
 * and a {@code deep_dive_feedback} row, written in one transaction.
 */
@Singleton
public class Feedback {

    private static final FeedbackInput BLANK = new FeedbackInput(null, null, null, null, null, null, null);

    private final Redactions redactions;
    private final Areas areas;
    private final Sessions sessions;
    private final Links links;
    private final Submissions submissions;
    private final FeedbackStore store;
    private final DeepDivesConfiguration configuration;
    private final SentFrom sentFrom;
    private final FormStamp stamps;

    Feedback(Areas areas, Sessions sessions, Links links, Submissions submissions, FeedbackStore store,
             DeepDivesConfiguration configuration, SentFrom sentFrom, Redactions redactions, FormStamp stamps) {
        this.redactions = redactions;
        this.stamps = stamps;
        this.sentFrom = sentFrom;
        this.areas = areas;
        this.sessions = sessions;
        this.links = links;
        this.submissions = submissions;
        this.store = store;
        this.configuration = configuration;
    }

    /**
     * Reads this card with the learned safeguarding check before the caller's transaction opens
     * ({@link Submissions#screenAhead}); nothing is read for a card that will be refused. Close it after.
     */
    public Screening.Ahead screenAhead(FeedbackInput input) {
        if (!FeedbackValidator.validate(input, configuration.maxAnswerLength()).isEmpty()) {
            return Screening.Ahead.NONE;
        }
        return submissions.screenAhead(Card.searchText(input.whatWorks(), input.whatNeedsToChange()), null);
    }

    /** The signed time a participant's page was shown, for its hidden field ({@link #fromPage}). */
    public String stampForm() {
        return stamps.issue();
    }

    /**
     * Feedback from the participant's page, sent once per form ({@link #viaLink}): with the honeypot filled in, or
     * sent back sooner than {@code consult.deep-dives.minimum-time} after the page was shown (or with a stamp that
     * is not ours), it is stored QUARANTINED and answered the same.
     */
    @Transactional
    public FeedbackReceipt fromPage(String token, String formToken, FeedbackInput input, @Nullable String stamp) {
        QuarantineReason reason = stamps.tooFast(stamp, configuration.minimumTime()) ? QuarantineReason.TOO_FAST : null;
        return viaLink(token, formToken, input, reason);
    }

    /**
     * A participant's feedback through a link, sent once per form: {@code formToken} is the one-time token of
     * the page it was written on (or an API client's Idempotency-Key), recorded with the feedback under a
     * unique key ({@link SentFrom}) in the same transaction, so a double click or a retried post, at the same
     * moment or later, is answered with the first card's receipt. The same token with other answers (the
     * Back button, then changes) is refused with 422 {@code form-already-sent}: it is new feedback, to be sent
     * with a new token. Without a token, every call is a new card. With the honeypot filled in, or a quarantine
     * reason from the page (too fast), it is stored QUARANTINED and answered the same; 404 if the link is unknown
     * or closed.
     */
    @Transactional
    public FeedbackReceipt viaLink(String token, @Nullable String formToken, FeedbackInput input,
                                   @Nullable QuarantineReason quarantineReason) {
        if (formToken == null || formToken.isBlank()) {
            return sendViaLink(token, input, quarantineReason);
        }
        return sentFrom.once(SubmissionKind.DEEP_DIVE_FEEDBACK, source(token, formToken), input,
                () -> sendViaLink(token, input, quarantineReason), FeedbackReceipt::id, this::receipt);
    }

    /**
     * The card already sent through this link from this form with these answers, if any; 422
     * {@code form-already-sent} if the form was sent with other answers.
     */
    @Transactional
    public Optional<FeedbackReceipt> sentVia(String token, String formToken, FeedbackInput input) {
        return sentFrom.submission(SubmissionKind.DEEP_DIVE_FEEDBACK, source(token, formToken), input)
                .map(this::receipt);
    }

    private FeedbackReceipt sendViaLink(String token, FeedbackInput input, @Nullable QuarantineReason quarantineReason) {
        LinkStore.Row link = links.openRow(token).orElseThrow(Links::notFound);
        List<FieldError> errors = new ArrayList<>(FeedbackValidator.validate(input, configuration.maxAnswerLength()));
        UUID session = link.sessionId();
        if (session == null) {
            session = sessions.resolve(link.areaId(), input.sessionId(), errors);
        } else if (!Text.isBlank(input.sessionId()) && !input.sessionId().strip().equals(session.toString())) {
            errors.add(FieldError.of("sessionId", "deepdives.error.sessionId.linkHasOne"));
        }
        require(errors);
        QuarantineReason reason = !Text.isBlank(input.website()) ? QuarantineReason.HONEYPOT : quarantineReason;
        return save(link.areaId(), Card.of(input, session), Source.LINK, link.token(), null, reason);
    }

    private static String source(String token, String formToken) {
        if (formToken.isBlank() || formToken.length() > 255) {
            throw new InvalidInputException(List.of(FieldError.of("formToken", "deepdives.error.formToken.length")));
        }
        return token + "/" + formToken;
    }

    private FeedbackReceipt receipt(UUID submission) {
        return summary(submission).map(s -> new FeedbackReceipt(s.id(), s.reference()))
                .orElseThrow(() -> new IllegalStateException("sent form's feedback is missing: " + submission));
    }

    /** One card a facilitator entered for the area: 404 for an unknown area. */
    @Transactional
    public FeedbackReceipt byFacilitator(String slug, FeedbackInput input, @Nullable UUID by) {
        AreaStore.Found area = areas.found(slug);
        List<FieldError> errors = new ArrayList<>(FeedbackValidator.validate(input, configuration.maxAnswerLength()));
        UUID session = sessions.resolve(area.id(), input.sessionId(), errors);
        require(errors);
        return save(area.id(), Card.of(input, session), Source.FACILITATOR, null, by, null);
    }

    /** Many cards at once, all or nothing; errors are named {@code cards[i].field}, "Card i+1: ...". */
    @Transactional
    public BulkReceipt bulk(String slug, @Nullable List<FeedbackInput> cards, @Nullable UUID by) {
        AreaStore.Found area = areas.found(slug);
        List<FeedbackInput> given = cards == null ? List.of() : cards;
        requireCount(given.size(), "cards", "Add at least one feedback card");
        List<Card> valid = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            FeedbackInput in = given.get(i) == null ? BLANK : given.get(i);
            List<FieldError> own = new ArrayList<>(FeedbackValidator.validate(in, configuration.maxAnswerLength()));
            UUID session = sessions.resolve(area.id(), in.sessionId(), own);
            errors.addAll(FeedbackValidator.named(own, "cards[" + i + "]", FeedbackValidator.CARD, i + 1));
            valid.add(own.isEmpty() ? Card.of(in, session) : null);
        }
        require(errors);
        return saveAll(area.id(), valid, Source.BULK, by);
    }

    /**
     * A CSV file of cards (see {@link FeedbackCsv}), all or nothing: a file with any bad line stores nothing
     * and every error names its line. {@code sessionId}, if given, is the session every card came from.
     */
    @Transactional
    public BulkReceipt importCsv(String slug, @Nullable String sessionId, @Nullable String csv, @Nullable UUID by) {
        AreaStore.Found area = areas.found(slug);
        List<FieldError> errors = new ArrayList<>();
        UUID session = sessions.resolve(area.id(), sessionId, errors);
        require(errors);
        List<FeedbackCsv.Line> lines = FeedbackCsv.read(csv == null ? "" : csv);
        requireCount(lines.size(), "file", "The file has no feedback cards under its header line");
        List<Card> valid = new ArrayList<>();
        for (FeedbackCsv.Line line : lines) {
            List<FieldError> own = FeedbackValidator.validate(line.input(), configuration.maxAnswerLength());
            errors.addAll(FeedbackValidator.named(own, "lines[" + line.number() + "]", FeedbackValidator.LINE, line.number()));
            valid.add(own.isEmpty() ? Card.of(line.input(), session) : null);
        }
        require(errors);
        return saveAll(area.id(), valid, Source.CSV, by);
    }

    /** A deep-dive feedback card's reference and whether it was flagged, for its confirmation page. */
    @Transactional
    public Optional<SubmissionSummary> summary(UUID id) {
        return submissions.find(id).filter(s -> s.kind() == SubmissionKind.DEEP_DIVE_FEEDBACK);
    }

    public int maxAnswerLength() {
        return configuration.maxAnswerLength();
    }

    public int maxCards() {
        return configuration.maxCards();
    }

    private BulkReceipt saveAll(UUID areaId, List<Card> cards, Source source, @Nullable UUID by) {
        List<FeedbackReceipt> receipts = cards.stream().map(c -> save(areaId, c, source, null, by, null)).toList();
        return new BulkReceipt(receipts.size(), receipts);
    }

    private FeedbackReceipt save(UUID areaId, Card card, Source source, @Nullable String linkToken, @Nullable UUID by,
                                 @Nullable QuarantineReason quarantineReason) {
        Redactions.NewRedaction redacted = redactions.redactNew(FeedbackContent.answers(card));
        NewSubmission created = submissions.create(new SubmissionDraft(SubmissionKind.DEEP_DIVE_FEEDBACK,
                quarantineReason == null ? SubmissionStatus.NEW : SubmissionStatus.QUARANTINED, null, areaId,
                card.themes(), card.dilemmas(), card.searchText(), quarantineReason)
                .withRedactedAnswers(redacted.answers()));
        store.insert(created.id(), areaId, card, source, linkToken, by);
        redactions.keepNew(created.id(), redacted);
        return new FeedbackReceipt(created.id(), created.reference());
    }

    private void requireCount(int count, String field, String none) {
        if (count == 0) {
            throw new InvalidInputException(field, none);
        }
        if (count > configuration.maxCards()) {
            throw new InvalidInputException(field, "Send at most " + configuration.maxCards()
                    + " feedback cards at a time; this had " + count);
        }
    }

    private static void require(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
