package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The examples the learned check learns from, as the safeguarding lead keeps them: the lead adds examples of
 * both kinds and removes them, and a flag the lead removes as a mistake adds the submission's text as an
 * ordinary example (a counter-example). Every change is kept, and every node learns again from the new set
 * ({@link LearnedCheck} compares the set's version on each screening).
 */
@Singleton
public class SafeguardingExamples {

    public static final int MAX_LENGTH = 2000;
    private static final List<String> GIVEN = List.of("LEAD", "UNFLAGGED");

    @Serdeable
    public record Example(UUID id, String text, String label, String source, @Nullable UUID addedBy, Instant addedAt) {
    }

    @Serdeable
    public record Change(UUID exampleId, String label, String source, String change, @Nullable UUID changedBy,
                         Instant changedAt) {
    }

    private final ExampleStore store;
    private final SubmissionFlagStore submissions;
    private final LearnedCheck learned;
    private final ModelVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    SafeguardingExamples(ExampleStore store, SubmissionFlagStore submissions, LearnedCheck learned,
                         ModelVersions versions, AuditLog audit, Clock clock) {
        this.store = store;
        this.submissions = submissions;
        this.learned = learned;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The examples the lead gave and the counter-examples, newest first (not the shipped ones). */
    @Transactional
    public List<Example> given(int limit) {
        return store.recent(GIVEN, Math.max(1, Math.min(limit, 1000)));
    }

    /** How many examples there are, as "SEED DISCLOSURE" (source and label) to a count. */
    @Transactional
    public Map<String, Integer> counts() {
        return store.counts();
    }

    @Transactional
    public List<Change> history(int limit) {
        return store.changes(Math.max(1, Math.min(limit, 1000)));
    }

    /** Adds an example: {@code label} DISCLOSURE (tells of harm now) or ORDINARY (talks about harm). */
    @Transactional
    public Example add(@Nullable String text, @Nullable String label, UUID by) {
        String body = text == null ? "" : text.strip();
        List<FieldError> errors = new ArrayList<>();
        if (body.isEmpty()) {
            errors.add(new FieldError("text", "Enter the example text"));
        } else if (body.length() > MAX_LENGTH) {
            errors.add(new FieldError("text", "The example must be " + MAX_LENGTH + " characters or fewer"));
        }
        if (!"DISCLOSURE".equals(label) && !"ORDINARY".equals(label)) {
            errors.add(new FieldError("label", "Select whether it tells of harm or only talks about it"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean disclosure = "DISCLOSURE".equals(label);
        Instant now = clock.instant();
        UUID id = store.insert(body, disclosure, "LEAD", null, null, null, by, now);
        store.history(id, disclosure, "LEAD", "ADDED", by, now);
        audit.record(by, AuditAction.EXAMPLE_CHANGE, null, "added");
        versions.changedHere();
        learned.refit();
        return new Example(id, body, label, "LEAD", by, now);
    }

    @Transactional
    public void remove(UUID id, UUID by) {
        String[] removed = store.delete(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found",
                "Not Found", "No such example."));
        Instant now = clock.instant();
        store.history(id, "DISCLOSURE".equals(removed[0]), removed[1], "REMOVED", by, now);
        audit.record(by, AuditAction.EXAMPLE_CHANGE, null, "removed");
        versions.changedHere();
        learned.refit();
    }

    /**
     * The lead found a flagged submission not to be a disclosure: its text becomes an ordinary example, tied to
     * the submission (erased with it). Called in the caller's transaction, which clears the flag.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void counterExample(UUID submissionId, UUID by) {
        String text = submissions.searchText(submissionId).orElse(null);
        if (text == null || text.isBlank()) {
            return;
        }
        String body = text.length() > 20000 ? text.substring(0, 20000) : text;
        Instant now = clock.instant();
        UUID id = store.insert(body, false, "UNFLAGGED", submissionId, null, null, by, now);
        store.history(id, false, "UNFLAGGED", "ADDED", by, now);
        audit.record(by, AuditAction.EXAMPLE_CHANGE, submissionId, "counter-example");
        versions.changedHere();
        learned.refit();
    }
}
