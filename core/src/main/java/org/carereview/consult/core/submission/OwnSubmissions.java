package org.carereview.consult.core.submission;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's own submissions, and withdrawing one: its content is erased and a tombstone is kept (the
 * reference and when it was withdrawn), in one transaction.
 *
 * <p>Submissions flagged for safeguarding are left out: to anyone but the safeguarding lead and
 * administrators they do not exist, and what was disclosed must not be erased by a withdrawal.
 */
@Singleton
public class OwnSubmissions {

    private final OwnSubmissionStore store;
    private final Map<SubmissionKind, ChannelContent> channels = new EnumMap<>(SubmissionKind.class);
    private final Clock clock;

    OwnSubmissions(OwnSubmissionStore store, List<ChannelContent> channels, Clock clock) {
        this.store = store;
        this.clock = clock;
        channels.forEach(c -> this.channels.put(c.kind(), c));
    }

    /** Everything this account has sent (withdrawn ones too), newest first. */
    @Transactional
    public List<OwnedSubmission> ownedBy(UUID ownerAccountId) {
        return store.ownedBy(ownerAccountId);
    }

    /** The submission, if this account sent it; empty for anyone else's and for an unknown id. */
    @Transactional
    public Optional<OwnedSubmission> find(UUID submissionId, UUID ownerAccountId) {
        return store.find(submissionId, ownerAccountId);
    }

    /** The channel's answers for one of this account's submissions: empty once withdrawn. */
    @Transactional
    public List<ChannelContent.Detail> details(UUID submissionId, UUID ownerAccountId) {
        return find(submissionId, ownerAccountId)
                .filter(s -> !s.withdrawn())
                .flatMap(s -> Optional.ofNullable(channels.get(s.kind())))
                .map(channel -> channel.describe(submissionId))
                .orElse(List.of());
    }

    /**
     * Withdraws the submission: status WITHDRAWN, {@code withdrawn_at} now, its themes, dilemmas,
     * search text and assignee cleared, and the channel's content erased with its redacted copy and its quotes in public summaries. Withdrawing again changes
     * nothing.
     *
     * @throws ProblemException 404 if there is no such submission or this account did not send it
     */
    @Transactional
    public void withdraw(UUID submissionId, UUID ownerAccountId) {
        Optional<OwnSubmissionStore.Locked> locked = store.lock(submissionId, ownerAccountId);
        OwnSubmissionStore.Locked found = locked.orElseThrow(OwnSubmissions::notFound);
        if (found.status() == SubmissionStatus.WITHDRAWN) {
            return;
        }
        ChannelContent channel = channel(found.kind());
        store.withdraw(submissionId, clock.instant());
        channel.erase(submissionId);
        // Its redacted copy, and any quote of it in a public summary (ADR 37): gone from the public page at once.
        store.deleteRedactedAndQuoted(submissionId);
    }

    private ChannelContent channel(SubmissionKind kind) {
        ChannelContent channel = channels.get(kind);
        if (channel == null) {
            throw new IllegalStateException("No ChannelContent bean for " + kind);
        }
        return channel;
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such submission.");
    }
}
