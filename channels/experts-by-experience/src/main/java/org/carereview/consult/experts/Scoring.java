package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Anonymised scoring against the rubric: scorers see no identity, contact, date of birth, region, trusted
 * adult, needs or equality data; each scorer scores an application once; the average is shown as scores
 * arrive (two or more per application are expected before decisions).
 */
@Singleton
public class Scoring {

    static final int MAX_COMMENT = 2_000;

    /** A page of applications to score. */
    @io.micronaut.serde.annotation.Serdeable
    public record ScoringPage(List<ScoringItem> items, @Nullable String next) {
    }

    private final ScoringStore store;
    private final Clock clock;

    private final AuditLog audit;

    Scoring(ScoringStore store, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public ScoringPage toScore(UUID scorer, boolean mayScoreFlagged, @Nullable String after, @Nullable Integer limit) {
        int size = limit == null ? 50 : Math.max(1, Math.min(200, limit));
        List<ScoringItem> items = store.toScore(scorer, mayScoreFlagged, Cursors.decode(after), size + 1);
        String next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            ScoringItem last = items.get(size - 1);
            next = Cursors.encode(store.submittedAt(last.id()), last.id());
        }
        return new ScoringPage(items, next);
    }

    /** One application to score, anonymised. */
    @Transactional
    public java.util.Optional<ScoringItem> item(UUID application, UUID scorer, boolean mayScoreFlagged) {
        return store.one(scorer, application, mayScoreFlagged);
    }

    /** Records this scorer's score (1 to 5 for every criterion); a second score by the same scorer is 409. */
    @Transactional
    public void score(UUID application, UUID scorer, boolean mayScoreFlagged, @Nullable Map<String, Integer> criteria,
                      @Nullable String comment) {
        if (!store.scorable(application, mayScoreFlagged)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such application to score.");
        }
        Map<String, Integer> checked = validate(criteria, comment);
        int total = checked.values().stream().mapToInt(Integer::intValue).sum();
        String note = comment == null || comment.isBlank() ? null : comment;
        if (!store.insert(application, scorer, checked, total, note, clock.instant())) {
            throw new ProblemException(HttpStatus.CONFLICT, "already-scored", "Already scored",
                    "You have already scored this application. Each person scores an application once.");
        }
        audit.record(scorer, AuditAction.CHANGE, application, "score");
    }

    static Map<String, Integer> validate(@Nullable Map<String, Integer> criteria, @Nullable String comment) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        Map<String, Integer> given = criteria == null ? Map.of() : criteria;
        for (Criterion c : Criterion.values()) {
            Integer value = given.get(c.key());
            if (value == null) {
                errors.add(new FieldError("criteria." + c.key(), "Give a score from 1 to 5 for: " + c.label()));
            } else if (value < 1 || value > 5) {
                errors.add(new FieldError("criteria." + c.key(), "Scores go from 1 to 5"));
            } else {
                checked.put(c.key(), value);
            }
        }
        for (String key : given.keySet()) {
            if (java.util.Arrays.stream(Criterion.values()).noneMatch(c -> c.key().equals(key))) {
                errors.add(new FieldError("criteria." + key, "This is not one of the rubric's criteria"));
            }
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "Comments must be " + MAX_COMMENT + " characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }
}
