package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Submissions the spam defences held back (honeypot filled, sent faster than a person could): never
 * dropped silently, staff release them into the triage queue or delete them. One flagged for safeguarding
 * exists only for the safeguarding lead and administrators ({@link Visibility}): the list shows it to them
 * alone; the id-only methods leave it out; triage, having asked the viewer, passes {@code flaggedVisible}.
 */
@Singleton
public class Quarantine {

    /** One held-back submission, without its content; its reason as stored ({@link QuarantineReason#describe}). */
    public record Held(UUID id, SubmissionKind kind, String reference, @Nullable String reason, Instant submittedAt) {
    }

    private final QuarantineStore store;
    private final Clock clock;
    private final List<ChannelReceipts> receipts;

    Quarantine(QuarantineStore store, Clock clock, List<ChannelReceipts> receipts) {
        this.store = store;
        this.clock = clock;
        this.receipts = receipts;
    }

    /** What is held back, as this viewer may see it (a flagged one only for the lead and administrators). */
    @Transactional
    public List<Held> list(Viewer viewer) {
        return store.list(viewer);
    }

    /**
     * Puts it into the triage queue as NEW, and sends the receipt that was held back with it.
     *
     * @return false if its receipt could not be queued because its stored address cannot be sent to
     */
    @Transactional
    public boolean release(UUID id) {
        return release(id, false);
    }

    /**
     * Puts it into the triage queue as NEW, and sends the receipt that was held back with it; a flagged one
     * only if the caller may see flagged submissions. A stored address the outbox refuses does not stop the
     * release: the receipt is left out.
     *
     * @return false if its receipt could not be queued because its stored address cannot be sent to
     */
    @Transactional
    public boolean release(UUID id, boolean flaggedVisible) {
        List<String> kind = store.release(id, flaggedVisible, clock.instant());
        requireOne(kind.size());
        SubmissionKind released = SubmissionKind.valueOf(kind.get(0));
        boolean queued = true;
        for (ChannelReceipts channel : receipts) {
            if (channel.kind() == released) {
                queued &= channel.sendReceipt(id);
            }
        }
        return queued;
    }

    /** Deletes it and its details for good. */
    @Transactional
    public void delete(UUID id) {
        delete(id, false);
    }

    /** Deletes it and its details for good; a flagged one only if the caller may see flagged submissions. */
    @Transactional
    public void delete(UUID id, boolean flaggedVisible) {
        int deleted = store.delete(id, flaggedVisible);
        requireOne(deleted);
    }

    private static void requireOne(int rows) {
        if (rows != 1) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such quarantined submission.");
        }
    }
}
