package org.carereview.consult.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submission's page: the common fields, the channel's details as this viewer may see them, notes, the full
 * history of changes, and (for the lead and administrators, when flagged) why it was flagged and what was done.
 * {@code contact} (how to reach the person) is given to the safeguarding lead and administrators only, null for
 * anyone else; {@code consentToPublish} (whether they agreed to be quoted) to every member of staff, null where
 * the channel does not ask.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TriageSubmission(UUID id, SubmissionKind kind, String reference, SubmissionStatus status,
                               @Nullable UUID assignee, @Nullable String area, List<String> themes,
                               List<String> dilemmas, boolean safeguarding, Instant submittedAt,
                               @Nullable Instant withdrawnAt, @Nullable String quarantineReason,
                               List<ChannelContent.Detail> details,
                               List<Note> notes, List<Change> history, @Nullable SafeguardingActions.Flag flag,
                               @Nullable List<SafeguardingActions.Action> safeguardingActions,
                               @Nullable ContactDetails contact, @Nullable Boolean consentToPublish) {

    /**
     * How to reach the person: the email and phone they gave the channel (null when not given), whether they agreed
     * to be contacted (null where the channel does not ask), {@code signedIn}: whether the submission has an owner
     * account (they were signed in, or gave an email address, which makes them an account to sign in with later),
     * that account's email when they gave no contact email (they must have been signed in; null otherwise), and a
     * trusted adult they named (null when none).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContactDetails(@Nullable String email, @Nullable String phone, @Nullable Boolean consentToContact,
                                 boolean signedIn, @Nullable String accountEmail,
                                 @Nullable Contact.TrustedAdult trustedAdult) {

        /** Whether there is any way at all to reach them. */
        public boolean reachable() {
            return email != null || phone != null || accountEmail != null || trustedAdult != null;
        }
    }

    @Serdeable
    public record Note(UUID id, String text, @Nullable UUID author, Instant createdAt) {
    }

    /**
     * One change: the field, its old and new value (codes or account ids), who and when; {@code via} is
     * {@code SUGGESTION} when the person accepted a suggested theme or dilemma (ADR 0035), null for their own edit.
     */
    @Serdeable
    public record Change(String field, @Nullable String oldValue, @Nullable String newValue, @Nullable UUID changedBy,
                         Instant changedAt, @Nullable String via) {
    }
}
