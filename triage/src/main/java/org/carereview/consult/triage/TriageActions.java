package org.carereview.consult.triage;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.safeguarding.SafeguardingExamples;
import org.carereview.consult.core.submission.Quarantine;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Clock;
import java.util.UUID;

/**
 * What staff do to one submission: change status, assignee, themes, dilemmas or the safeguarding flag (each
 * change kept in its history), add notes, release or delete a quarantined one, and (the lead) record the
 * safeguarding action taken. Every action is audited. A submission the viewer may not see is a 404.
 */
@Singleton
public class TriageActions {

    public static final int MAX_NOTE = 10_000;

    /** The audit detail of a release whose receipt was left out: the stored address cannot be sent to. */
    public static final String RECEIPT_NOT_SENT = "receipt not sent: the contact email address cannot be sent to";

    private final SubmissionStore rows;
    private final NoteStore notes;
    private final Changes changes;
    private final Quarantine quarantine;
    private final SafeguardingActions safeguarding;
    private final SafeguardingExamples examples;
    private final AuditLog audit;
    private final Clock clock;

    TriageActions(SubmissionStore rows, NoteStore notes, Changes changes, Quarantine quarantine,
                  SafeguardingActions safeguarding, SafeguardingExamples examples, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.notes = notes;
        this.changes = changes;
        this.quarantine = quarantine;
        this.safeguarding = safeguarding;
        this.examples = examples;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Applies the change.
     *
     * @return the fields that changed (empty if nothing did)
     */
    @Transactional
    public java.util.List<String> update(UUID id, TriageChange change, Viewer viewer) {
        ChangeInput input = ChangeInput.of(change);
        SubmissionRow row = rows.find(id, viewer.seesFlagged(), true).orElseThrow(TriageActions::notFound);
        java.util.List<String> changed = changes.apply(row, input, viewer, clock.instant());
        if (!changed.isEmpty()) {
            audit.record(viewer.actorId(), AuditAction.CHANGE, id, String.join(",", changed));
        }
        return changed;
    }

    @Transactional
    public TriageSubmission.Note addNote(UUID id, String text, Viewer viewer) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_NOTE) {
            throw new InvalidInputException("text", "Enter a note of up to " + MAX_NOTE + " characters");
        }
        rows.find(id, viewer.seesFlagged(), true).orElseThrow(TriageActions::notFound);
        TriageSubmission.Note note = notes.addNote(id, body, viewer.accountId(), clock.instant());
        audit.record(viewer.actorId(), AuditAction.NOTE, id, null);
        return note;
    }

    /** Puts a quarantined submission into the queue as NEW. */
    @Transactional
    public void release(UUID id, Viewer viewer) {
        requireQuarantined(id, viewer);
        boolean receiptQueued = quarantine.release(id, viewer.seesFlagged());
        rows.recordChange(id, "status", SubmissionStatus.QUARANTINED.name(), SubmissionStatus.NEW.name(),
                viewer.accountId(), clock.instant());
        audit.record(viewer.actorId(), AuditAction.RELEASE, id,
                receiptQueued ? null : RECEIPT_NOT_SENT);
    }

    /** Deletes a quarantined submission and its details for good. */
    @Transactional
    public void delete(UUID id, Viewer viewer) {
        requireQuarantined(id, viewer);
        quarantine.delete(id, viewer.seesFlagged());
        audit.record(viewer.actorId(), AuditAction.DELETE, id, null);
    }

    /** The lead records what they did about a flagged submission. */
    @Transactional
    public SafeguardingActions.Action recordSafeguardingAction(UUID id, String action, Viewer viewer) {
        if (!viewer.seesFlagged()) {
            throw notFound();
        }
        SubmissionRow row = rows.find(id, true, true).orElseThrow(TriageActions::notFound);
        if (!row.safeguarding()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-flagged", "Not flagged",
                    "This submission is not flagged for safeguarding.");
        }
        return safeguarding.record(id, action, viewer.accountId());
    }

    /**
     * The lead (or an administrator) finds a flagged submission is not a disclosure: the flag is cleared exactly as
     * {@code PATCH {safeguarding: false}} clears it (history row, flag record removed, audited as a change), and, in
     * the same transaction, its text becomes an ordinary example the learned check learns from. A submission that
     * is not flagged is a 409; to anyone who cannot see flagged submissions, a 404.
     */
    @Transactional
    public void notADisclosure(UUID id, Viewer viewer) {
        if (!viewer.seesFlagged()) {
            throw notFound();
        }
        SubmissionRow row = rows.find(id, true, true).orElseThrow(TriageActions::notFound);
        if (!row.safeguarding()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-flagged", "Not flagged",
                    "This submission is not flagged for safeguarding.");
        }
        java.util.List<String> changed = changes.apply(row, ChangeInput.of(
                new TriageChange(null, false, null, null, null, false)), viewer, clock.instant());
        audit.record(viewer.actorId(), AuditAction.CHANGE, id, String.join(",", changed) + ",not-a-disclosure");
        examples.counterExample(id, viewer.accountId());
    }

    private void requireQuarantined(UUID id, Viewer viewer) {
        SubmissionRow row = rows.find(id, viewer.seesFlagged(), true).orElseThrow(TriageActions::notFound);
        if (row.status() != SubmissionStatus.QUARANTINED) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-quarantined", "Not quarantined",
                    "Only a quarantined submission can be released or deleted.");
        }
    }

    static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such submission.");
    }
}
