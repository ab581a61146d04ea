package org.carereview.consult.core.draft;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A channel's drafts, the same shape in every channel that has a journey of several pages (the call for advice's
 * {@code AdviceDrafts}, the application's {@code ApplicationDrafts}), each in its own module: kept on the server
 * through {@link Drafts}, resumed by a code or an emailed one-time link, and sent at most once. The pages' "Save
 * and come back later" works on any of them.
 *
 * @param <D> the channel's draft
 * @param <R> the receipt of the submission a draft is sent as
 */
public interface ChannelDrafts<D extends ChannelDraft, R> {

    /** How long a draft is kept after its last save. */
    Duration lifetime();

    Optional<D> find(UUID id);

    /** A new resume code for the draft (shown once; only its hash is kept). */
    String resumeCode(UUID id);

    Optional<D> resumeByCode(String code);

    Optional<D> resumeByLink(String token);

    /** Emails a one-time link that reopens the draft; it lasts as long as the draft does. */
    void emailLink(UUID id, String email);

    /**
     * Sends the draft as a submission, at most once: the submission, its receipt email, the record of the draft it
     * was sent from ({@code core.submission.SentFrom}) and the draft's deletion are one transaction, so a second
     * send of the same draft, at the same moment or later, is answered with the first receipt.
     *
     * @param owner the signed-in sender's account, or null
     */
    R send(UUID id, @Nullable UUID owner);

    /** The receipt of the submission this draft was sent as, if it was sent (its draft is gone by then). */
    Optional<R> sent(UUID id);
}
