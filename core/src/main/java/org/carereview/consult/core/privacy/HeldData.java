package org.carereview.consult.core.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.ChannelContent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything held about one person, as they (or an administrator on their behalf) may download it. Sign-in and
 * resume links are left out of emails: they are keys, not information about the person.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HeldData(@Nullable Account account, List<Sent> submissions, List<Email> emails, List<Draft> drafts) {

    @Serdeable
    public record Account(String id, String email, List<String> roles, Instant createdAt, @Nullable Instant lastUsedAt) {
    }

    /** One submission; {@code keptForSafeguarding} when it is flagged, so an erasure keeps it (ADR 0020). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sent(String id, String reference, String kind, String status, Instant submittedAt,
                       @Nullable Instant withdrawnAt, boolean keptForSafeguarding,
                       List<ChannelContent.Detail> answers) {
    }

    @Serdeable
    public record Email(String template, String status, Instant createdAt, @Nullable Instant sentAt,
                        Map<String, String> fields) {
    }

    @Serdeable
    public record Draft(String kind, Instant startedAt, Instant expiresAt, String answers) {
    }

    public boolean isEmpty() {
        return account == null && submissions.isEmpty() && emails.isEmpty() && drafts.isEmpty();
    }

    /** Counts only, for the audit log. */
    String counts() {
        return "account=" + (account == null ? 0 : 1) + " submissions=" + submissions.size() + " emails="
                + emails.size() + " drafts=" + drafts.size();
    }
}
