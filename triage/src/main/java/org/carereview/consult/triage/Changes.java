package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.safeguarding.SafeguardingAlerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Applies a checked change to a locked row, keeping a history row per changed field. Callers hold the transaction. */
@Singleton
class Changes {

    private final SubmissionStore rows;
    private final SafeguardingAlerts alerts;

    Changes(SubmissionStore rows, SafeguardingAlerts alerts) {
        this.rows = rows;
        this.alerts = alerts;
    }

    List<String> apply(SubmissionRow row, ChangeInput in, Viewer viewer, Instant now) {
        return apply(row, in, viewer, now, null);
    }

    /** As above; {@code via} is kept on each history row ({@code SUGGESTION}: a person accepted a suggested tag). */
    List<String> apply(SubmissionRow row, ChangeInput in, Viewer viewer, Instant now, @Nullable String via) {
        StatusRules.requireChangeable(row.status());
        if (in.status() != null) {
            StatusRules.requireAllowed(row.status(), in.status());
        }
        boolean flagged = in.safeguarding() != null ? in.safeguarding() : row.safeguarding();
        if (in.assigneeGiven() && in.assignee() != null && !rows.isAssignable(in.assignee(), flagged)) {
            throw new InvalidInputException("assignee", flagged
                    ? "A flagged submission can be assigned only to the safeguarding lead or an administrator"
                    : "Choose a member of staff whose account is enabled");
        }
        if (in.safeguarding() != null && !in.safeguarding() && row.safeguarding() && !viewer.seesFlagged()) {
            throw TriageActions.notFound();
        }
        List<String> changed = new ArrayList<>();
        UUID by = viewer.accountId();
        if (in.status() != null && in.status() != row.status()) {
            set(row, "status", in.status(), row.status().name(), in.status().name(), by, now, changed, via);
        }
        if (in.assigneeGiven() && !Objects.equals(in.assignee(), row.assignee())) {
            set(row, "assignee", in.assignee(), str(row.assignee()), str(in.assignee()), by, now, changed, via);
        }
        if (in.themes() != null && !in.themes().equals(row.themes())) {
            set(row, "themes", in.themes(), join(row.themes()), join(in.themes()), by, now, changed, via);
        }
        if (in.dilemmas() != null && !in.dilemmas().equals(row.dilemmas())) {
            set(row, "dilemmas", in.dilemmas(), join(row.dilemmas()), join(in.dilemmas()), by, now, changed, via);
        }
        if (in.safeguarding() != null && in.safeguarding() != row.safeguarding()) {
            set(row, "safeguarding", in.safeguarding(), String.valueOf(row.safeguarding()),
                    String.valueOf(in.safeguarding()), by, now, changed, via);
            if (in.safeguarding()) {
                alerts.flag(row.id(), row.reference(), SafeguardingAlerts.Source.STAFF, 0, List.of(), by);
            } else {
                alerts.clear(row.id());
            }
        }
        return changed;
    }

    private void set(SubmissionRow row, String field, Object value, @Nullable String oldValue, @Nullable String newValue,
                     UUID by, Instant now, List<String> changed, @Nullable String via) {
        String column = field.equals("assignee") ? "assignee_id" : field;
        rows.set(row.id(), column, value instanceof Enum<?> e ? e.name() : value, now);
        rows.recordChange(row.id(), field, oldValue, newValue, by, now, via);
        changed.add(field);
    }

    @Nullable
    private static String join(List<String> codes) {
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    @Nullable
    private static String str(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }
}
