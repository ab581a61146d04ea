package org.carereview.consult.triage;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Opens one submission for a member of staff, recording the read in the audit log. */
@Singleton
public class TriageDetails {

    private final SubmissionStore rows;
    private final NoteStore notes;
    private final Map<SubmissionKind, ChannelContent> channels = new EnumMap<>(SubmissionKind.class);
    private final SafeguardingActions safeguarding;
    private final AuditLog audit;

    TriageDetails(SubmissionStore rows, NoteStore notes, List<ChannelContent> channels,
                  SafeguardingActions safeguarding, AuditLog audit) {
        this.rows = rows;
        this.notes = notes;
        this.safeguarding = safeguarding;
        this.audit = audit;
        channels.forEach(c -> this.channels.put(c.kind(), c));
    }

    /** The submission with its details; empty if there is none, or this viewer may not know it exists. */
    @Transactional
    public Optional<TriageSubmission> open(UUID id, Viewer viewer) {
        Optional<SubmissionRow> found = rows.find(id, viewer.seesFlagged(), false);
        found.ifPresent(row -> audit.record(viewer.actorId(), AuditAction.VIEW, id, null));
        return found.map(row -> view(row, viewer));
    }

    private TriageSubmission view(SubmissionRow row, Viewer viewer) {
        ChannelContent channel = channels.get(row.kind());
        List<ChannelContent.Detail> details = channel == null ? List.of() : channel.describe(row.id(), viewer.roles());
        boolean restricted = row.safeguarding() && viewer.seesFlagged();
        // How to reach the person is looked up only for those who may see it, so it cannot leak to anyone else.
        Contact given = viewer.seesContact() ? (channel == null ? Contact.NONE : channel.contact(row.id())) : null;
        return new TriageSubmission(row.id(), row.kind(), row.reference(), row.status(), row.assignee(), row.area(),
                row.themes(), row.dilemmas(), row.safeguarding(), row.submittedAt(), row.withdrawnAt(),
                row.quarantineReason(), details, notes.notes(row.id()), rows.changes(row.id()),
                restricted ? safeguarding.flag(row.id()).orElse(null) : null,
                restricted ? safeguarding.actions(row.id()) : null,
                given == null ? null : contact(row, given),
                channel == null ? null : channel.consentToPublish(row.id()));
    }

    /** The channel's contact with whether they were signed in; their account's email if they gave no other. */
    private TriageSubmission.ContactDetails contact(SubmissionRow row, Contact given) {
        Optional<String> account = rows.ownerEmail(row.id());
        return new TriageSubmission.ContactDetails(given.email(), given.phone(), given.consentToContact(),
                account.isPresent(), given.email() == null ? account.orElse(null) : null, given.trustedAdult());
    }
}
