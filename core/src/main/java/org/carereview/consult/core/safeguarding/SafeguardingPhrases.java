package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import io.micronaut.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The safeguarding lead keeps the phrase list: adds, re-weights and removes phrases; every change is kept. */
@Singleton
public class SafeguardingPhrases {

    public static final int MAX_WEIGHT = 100;

    @Serdeable
    public record Phrase(String phrase, int weight, @Nullable UUID addedBy, Instant addedAt) {
    }

    @Serdeable
    public record Change(String phrase, String change, @Nullable Integer oldWeight, @Nullable Integer newWeight,
                         @Nullable UUID changedBy, Instant changedAt) {
    }

    private final PhraseStore store;
    private final ModelVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    SafeguardingPhrases(PhraseStore store, ModelVersions versions, AuditLog audit, Clock clock) {
        this.store = store;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<Phrase> list() {
        return store.list();
    }

    /** The newest changes first. */
    @Transactional
    public List<Change> history(int limit) {
        return store.changes(Math.max(1, Math.min(limit, 1000)));
    }

    /** Adds a phrase, or gives an existing one a new weight. */
    @Transactional
    public Phrase put(@Nullable String phrase, @Nullable Integer weight, UUID by) {
        String normal = PhraseText.normalise(phrase);
        List<FieldError> errors = new ArrayList<>();
        if (normal.isEmpty() || normal.length() > 200) {
            errors.add(new FieldError("phrase", "Enter a phrase of letters and numbers, up to 200 characters"));
        } else if (!normal.matches("[a-z0-9]+( [a-z0-9]+)*")) {
            errors.add(new FieldError("phrase", "Use plain letters a to z and numbers"));
        }
        if (weight == null || weight < 1 || weight > MAX_WEIGHT) {
            errors.add(new FieldError("weight", "Enter a weight from 1 to " + MAX_WEIGHT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        Integer old = store.weightOf(normal).orElse(null);
        store.upsert(normal, weight, by, now);
        versions.changedHere();
        store.history(normal, old == null ? "ADDED" : "REWEIGHTED", old, weight, by, now);
        audit.record(by, AuditAction.PHRASE_CHANGE, null, old == null ? "added" : "reweighted");
        return new Phrase(normal, weight, by, now);
    }

    @Transactional
    public void remove(@Nullable String phrase, UUID by) {
        String normal = PhraseText.normalise(phrase);
        Integer old = store.weightOf(normal).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found",
                "Not Found", "No such phrase."));
        Instant now = clock.instant();
        store.delete(normal);
        versions.changedHere();
        store.history(normal, "REMOVED", old, null, by, now);
        audit.record(by, AuditAction.PHRASE_CHANGE, null, "removed");
    }
}
