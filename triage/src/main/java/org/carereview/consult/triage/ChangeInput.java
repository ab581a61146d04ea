package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A {@link TriageChange} checked and typed; anything unreadable is a 422 naming the field. */
record ChangeInput(@Nullable SubmissionStatus status, boolean assigneeGiven, @Nullable UUID assignee,
                   @Nullable List<String> themes, @Nullable List<String> dilemmas, @Nullable Boolean safeguarding) {

    private static final Set<SubmissionStatus> SETTABLE = Set.of(SubmissionStatus.NEW, SubmissionStatus.IN_REVIEW,
            SubmissionStatus.ACTIONED, SubmissionStatus.ARCHIVED);

    static ChangeInput of(TriageChange change) {
        List<FieldError> errors = new ArrayList<>();
        SubmissionStatus status = null;
        if (change.status() != null) {
            try {
                status = SubmissionStatus.valueOf(change.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                status = null;
            }
            if (status == null || !SETTABLE.contains(status)) {
                errors.add(new FieldError("status", "Choose a status: IN_REVIEW, ACTIONED or ARCHIVED"));
            }
        }
        UUID assignee = null;
        if (change.assigneeGiven() && change.assignee() != null && !change.assignee().isBlank()) {
            try {
                assignee = UUID.fromString(change.assignee().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("assignee", "Choose a member of staff by their account id"));
            }
        }
        List<String> themes = codes(change.themes(), "themes", Arrays.stream(Theme.values()).map(Enum::name).toList(), errors);
        List<String> dilemmas = codes(change.dilemmas(), "dilemmas",
                Arrays.stream(Dilemma.values()).map(Enum::name).toList(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ChangeInput(status, change.assigneeGiven(), assignee, themes, dilemmas, change.safeguarding());
    }

    /** Sorted, distinct, known codes; null if not given. */
    @Nullable
    static List<String> codes(@Nullable List<String> given, String field, List<String> known, List<FieldError> errors) {
        if (given == null) {
            return null;
        }
        TreeSet<String> codes = new TreeSet<>();
        for (String code : given) {
            String normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!known.contains(normal)) {
                errors.add(new FieldError(field, "Choose from " + String.join(", ", known)));
                return null;
            }
            codes.add(normal);
        }
        return List.copyOf(codes);
    }
}
