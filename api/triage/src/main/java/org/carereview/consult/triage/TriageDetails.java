package org.carereview.consult.triage;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Opens one submission for a member of staff, recording the read in the audit log. */
@Singleton
public class TriageDetails {

    private final SubmissionRows rows;
    private final Map<SubmissionKind, ChannelContent> channels = new EnumMap<>(SubmissionKind.class);
    private final SafeguardingActions safeguarding;
    private final AuditLog audit;

    TriageDetails(SubmissionRows rows, List<ChannelContent> channels, SafeguardingActions safeguarding, AuditLog audit) {
        this.rows = rows;
        this.safeguarding = safeguarding;
        this.audit = audit;
        channels.forEach(c -> this.channels.put(c.kind(), c));
    }

    /** The submission with its details; empty if there is none, or this viewer may not know it exists. */
    @Transactional
    public Optional<TriageSubmission> open(UUID id, Viewer viewer) {
        Optional<SubmissionRow> found = rows.find(id, viewer.seesFlagged(), false);
        found.ifPresent(row -> audit.record(viewer.accountId(), AuditAction.VIEW, id, null));
        return found.map(row -> view(row, viewer));
    }

    private TriageSubmission view(SubmissionRow row, Viewer viewer) {
        ChannelContent channel = channels.get(row.kind());
        List<ChannelContent.Detail> details = channel == null ? List.of() : channel.describe(row.id(), viewer.roles());
        boolean restricted = row.safeguarding() && viewer.seesFlagged();
        return new TriageSubmission(row.id(), row.kind(), row.reference(), row.status(), row.assignee(), row.area(),
                row.themes(), row.dilemmas(), row.safeguarding(), row.submittedAt(), row.withdrawnAt(),
                row.quarantineReason(), details, rows.notes(row.id()), rows.changes(row.id()),
                restricted ? safeguarding.flag(row.id()).orElse(null) : null,
                restricted ? safeguarding.actions(row.id()) : null);
    }
}
