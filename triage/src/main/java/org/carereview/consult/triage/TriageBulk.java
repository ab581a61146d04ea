package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.campaigns.Campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One action on a selection: assign, add themes or dilemmas, set the status. Each submission follows the
 * same rules as on its own; one that cannot take the change (not found, or a status move not allowed) is
 * skipped with its reason and the others are changed.
 */
@Singleton
public class TriageBulk {

    public static final int MAX_IDS = 500;

    /**
     * The selection (the ids, or every submission of one copy-and-paste campaign, ADR 0034) and what to do to it;
     * null fields are left alone.
     */
    public record Request(@Nullable List<String> ids, @Nullable String group, @Nullable String status,
                          boolean assigneeGiven, @Nullable String assignee, @Nullable List<String> addThemes,
                          @Nullable List<String> addDilemmas) {
    }

    @Serdeable
    public record Skipped(UUID id, String reason) {
    }

    @Serdeable
    public record Result(List<UUID> updated, List<Skipped> skipped) {
    }

    private final SubmissionStore rows;
    private final Campaigns campaigns;
    private final Changes changes;
    private final AuditLog audit;
    private final Clock clock;

    TriageBulk(SubmissionStore rows, Campaigns campaigns, Changes changes, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result apply(Request request, Viewer viewer) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> ids = request.group() == null ? ids(request.ids(), errors) : group(request, errors);
        List<String> addThemes = ChangeInput.codes(request.addThemes(), "addThemes",
                Arrays.stream(Theme.values()).map(Enum::name).toList(), errors);
        List<String> addDilemmas = ChangeInput.codes(request.addDilemmas(), "addDilemmas",
                Arrays.stream(Dilemma.values()).map(Enum::name).toList(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ChangeInput base = ChangeInput.of(new TriageChange(request.status(), request.assigneeGiven(), request.assignee(),
                null, null, null));
        Instant now = clock.instant();
        List<UUID> updated = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (UUID id : ids) {
            SubmissionRow row = rows.find(id, viewer.seesFlagged(), true).orElse(null);
            if (row == null) {
                skipped.add(new Skipped(id, "not-found"));
                continue;
            }
            ChangeInput in = new ChangeInput(base.status(), base.assigneeGiven(), base.assignee(),
                    union(row.themes(), addThemes), union(row.dilemmas(), addDilemmas), null);
            try {
                List<String> changed = changes.apply(row, in, viewer, now);
                if (!changed.isEmpty()) {
                    audit.record(viewer.actorId(), AuditAction.BULK_CHANGE, id, String.join(",", changed));
                }
                updated.add(id);
            } catch (ProblemException e) {
                skipped.add(new Skipped(id, e.toProblem().type().substring(e.toProblem().type().lastIndexOf('/') + 1)));
            } catch (InvalidInputException e) {
                // Checked before anything is written: this one is skipped, the rest of the selection still changes.
                skipped.add(new Skipped(id, "not-assignable"));
            }
        }
        return new Result(updated, skipped);
    }

    @Nullable
    private static List<String> union(List<String> current, @Nullable List<String> added) {
        if (added == null || added.isEmpty()) {
            return null;
        }
        TreeSet<String> all = new TreeSet<>(current);
        all.addAll(added);
        return List.copyOf(all);
    }

    /** The members of the group (each is checked as the ids are); the group and a list of ids are not both given. */
    private Set<UUID> group(Request request, List<FieldError> errors) {
        if (request.ids() != null && !request.ids().isEmpty()) {
            errors.add(new FieldError("group", "Give either the submissions' ids or a group, not both"));
            return Set.of();
        }
        UUID group;
        try {
            group = UUID.fromString(request.group().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("group", "Give a group's id"));
            return Set.of();
        }
        List<UUID> members = campaigns.members(group);
        if (members.isEmpty()) {
            errors.add(new FieldError("group", "There is no such group now: groups are made again every few minutes"));
        } else if (members.size() > Campaigns.MAX_MEMBERS) {
            errors.add(new FieldError("group", "A group of more than " + Campaigns.MAX_MEMBERS
                    + " cannot be changed at once: narrow it with the queue's filters and change pages of it"));
        }
        return new LinkedHashSet<>(members);
    }

    private static Set<UUID> ids(@Nullable List<String> given, List<FieldError> errors) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (given == null || given.isEmpty() || given.size() > MAX_IDS) {
            errors.add(new FieldError("ids", "Select from 1 to " + MAX_IDS + " submissions"));
            return ids;
        }
        for (String id : given) {
            try {
                ids.add(UUID.fromString(id == null ? "" : id.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("ids", "Every id must be a submission id"));
                return ids;
            }
        }
        return ids;
    }
}
