package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.triage.summaries.QuoteSource.Found;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What staff do with a summary: write it, quote people, approve another's quote, see what would be published,
 * publish and unpublish. Each change is audited as {@code PUBLIC_SUMMARY} (ids and a code, never words); a quote is
 * audited against its submission. Quotes change only while the summary is off the public page.
 */
@Singleton
public class PublicSummaries {

    private final SummaryStore summaries;
    private final QuoteStore quotes;
    private final QuoteSource sources;
    private final ThemeCounting counting;
    private final SummaryEmails emails;
    private final AuditLog audit;
    private final Clock clock;

    PublicSummaries(SummaryStore summaries, QuoteStore quotes, QuoteSource sources, ThemeCounting counting,
                    SummaryEmails emails, AuditLog audit, Clock clock) {
        this.summaries = summaries;
        this.quotes = quotes;
        this.sources = sources;
        this.counting = counting;
        this.emails = emails;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID create(SummaryInput input, UUID by) {
        SummaryText.Checked text = SummaryText.check(input);
        UUID id = summaries.insert(text.channel(), text.title(), text.whatWeDid(), text.whatWeDidChild(), by, clock.instant());
        audit.record(by, AuditAction.PUBLIC_SUMMARY, null, "created " + id);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Summary> list() {
        return summaries.list(false);
    }

    /** The summary; 404 if there is none. */
    @Transactional(readOnly = true)
    public Summary find(UUID id) {
        return summaries.find(id, false).orElseThrow(PublicSummaries::notFound);
    }

    /** Its quotes as this member of staff may see them, with the references they came from. */
    @Transactional(readOnly = true)
    public List<Quote> quotes(UUID id, boolean seesFlagged) {
        return quotes.forStaff(find(id).id(), seesFlagged);
    }

    /** The counts as they would be published now. */
    @Transactional(readOnly = true)
    public ThemeCounts preview(UUID id) {
        return counting.count(find(id).channel());
    }

    @Transactional
    public void addQuote(UUID id, @Nullable String reference, @Nullable String words, UUID by) {
        Summary summary = changeable(id);
        Found found = sources.find(summary.channel(), reference, words);
        if (!quotes.insert(summary.id(), found.submission(), found.field(), found.text(), by, clock.instant())) {
            throw new InvalidInputException("text", "These words from " + found.reference() + " are already quoted");
        }
        audit.record(by, AuditAction.PUBLIC_SUMMARY, found.submission(), "quote added to " + id);
    }

    /** Approves a quote someone else added. */
    @Transactional
    public void approveQuote(UUID id, UUID quote, UUID by, boolean seesFlagged) {
        Summary summary = changeable(id);
        Quote q = quotes.find(summary.id(), quote, seesFlagged).orElseThrow(PublicSummaries::notFound);
        if (by.equals(q.addedBy())) {
            throw new ProblemException(HttpStatus.CONFLICT, "own-quote", "You added this quote",
                    "Someone else must approve a quote you added.");
        }
        if (!q.approved()) {
            quotes.approve(q.id(), by, clock.instant());
            audit.record(by, AuditAction.PUBLIC_SUMMARY, q.submissionId(), "quote approved for " + id);
        }
    }

    @Transactional
    public void removeQuote(UUID id, UUID quote, UUID by, boolean seesFlagged) {
        Summary summary = changeable(id);
        Quote q = quotes.find(summary.id(), quote, seesFlagged).orElseThrow(PublicSummaries::notFound);
        quotes.remove(q.id());
        audit.record(by, AuditAction.PUBLIC_SUMMARY, q.submissionId(), "quote removed from " + id);
    }

    /**
     * Puts the summary on the public page with its counts as they are now. Refused while any quote waits for a second
     * person's approval. The first time, the channel's people who agreed to be contacted are emailed its link.
     */
    @Transactional
    public void publish(UUID id, UUID by) {
        Summary summary = summaries.find(id, true).orElseThrow(PublicSummaries::notFound);
        if (summary.published()) {
            return;
        }
        long waiting = quotes.waiting(id);
        if (waiting > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "quotes-not-approved", "Quotes need approval",
                    waiting == 1 ? "1 quote has not been approved by a second person yet."
                            : waiting + " quotes have not been approved by a second person yet.");
        }
        summaries.publish(id, counting.count(summary.channel()), by, clock.instant());
        String detail = "published " + id;
        if (summary.notifiedAt() == null) {
            detail += ", " + emails.send(summary) + " email(s) queued";
            summaries.notified(id, clock.instant());
        }
        audit.record(by, AuditAction.PUBLIC_SUMMARY, null, detail);
    }

    @Transactional
    public void unpublish(UUID id, UUID by) {
        Summary summary = summaries.find(id, true).orElseThrow(PublicSummaries::notFound);
        if (summary.published()) {
            summaries.unpublish(id, clock.instant());
            audit.record(by, AuditAction.PUBLIC_SUMMARY, null, "unpublished " + id);
        }
    }

    private Summary changeable(UUID id) {
        Summary summary = summaries.find(id, true).orElseThrow(PublicSummaries::notFound);
        if (summary.published()) {
            throw new ProblemException(HttpStatus.CONFLICT, "summary-published", "The summary is published",
                    "Unpublish the summary before changing its quotes.");
        }
        return summary;
    }

    static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such summary or quote.");
    }
}
