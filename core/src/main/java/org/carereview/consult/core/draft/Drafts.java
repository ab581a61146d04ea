package org.carereview.consult.core.draft;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.security.Hashes;
import org.carereview.consult.core.submission.References;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.notifications.Outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafts of every public journey: saved on the server at every step, kept for a lifetime after the last
 * save, reopened by a short resume code (only its hash is kept) or an emailed one-time link. Each channel
 * stores its own answers as JSON and wraps this with its own types.
 */
@Singleton
public class Drafts {


    private final DraftStore store;
    private final References references;
    private final Outbox outbox;
    private final ConsultConfiguration consult;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Drafts(DraftStore store, References references, Outbox outbox, ConsultConfiguration consult, Clock clock) {
        this.store = store;
        this.references = references;
        this.outbox = outbox;
        this.consult = consult;
        this.clock = clock;
    }

    @Transactional
    public StoredDraft start(SubmissionKind kind, String answers, @Nullable UUID owner, Duration lifetime) {
        Instant now = clock.instant();
        return store.insert(kind, answers, owner, now, now.plus(lifetime));
    }

    @Transactional
    public Optional<StoredDraft> find(SubmissionKind kind, UUID id) {
        return store.find(kind, id, clock.instant());
    }

    /**
     * The draft, locked until the caller's transaction ends: a channel reads its answers with this, changes them
     * and saves them in that transaction, so that two saves of one draft at the same moment (a page's autosave and
     * its button, two tabs) take turns, the second building on the first's answers instead of undoing them.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<StoredDraft> lock(SubmissionKind kind, UUID id) {
        return store.findForUpdate(kind, id, clock.instant());
    }

    /** Saves the answers; each save keeps the draft for another full lifetime. Answers the new expiry. */
    @Transactional
    public Instant save(UUID id, String answers, Duration lifetime) {
        Instant expires = clock.instant().plus(lifetime);
        store.save(id, answers, clock.instant(), expires);
        return expires;
    }

    /** A new resume code for the draft, such as {@code RK7M-4QXP} (shown once; only its hash is kept). */
    @Transactional
    public String resumeCode(UUID id) {
        String code = references.code();
        store.setCodeHash(id, Hashes.sha256(code));
        return code;
    }

    @Transactional
    public Optional<StoredDraft> resumeByCode(SubmissionKind kind, String typed) {
        String code = References.normaliseCode(typed);
        return code == null ? Optional.empty() : store.findByCodeHash(kind, Hashes.sha256(code), clock.instant());
    }

    /**
     * Emails a one-time link ({@code pathPrefix + token}) that reopens the draft, with the template's
     * {@code link} and {@code expires} fields; it lasts as long as the draft does.
     */
    @Transactional
    public void emailLink(SubmissionKind kind, UUID id, String email, String template, String pathPrefix) {
        if (!Emails.isValid(email)) {
            throw new InvalidInputException(List.of(FieldError.of("email", "core.draft.email.format")));
        }
        StoredDraft draft = find(kind, id).orElseThrow(Drafts::expired);
        outbox.enqueue(template, Emails.normalise(email), Map.of(
                "link", link(draft, pathPrefix),
                "expires", UkTime.day(draft.expiresAt())));
    }

    @Transactional
    public Optional<StoredDraft> resumeByLink(SubmissionKind kind, String token) {
        Instant now = clock.instant();
        return store.redeemLink(Hashes.sha256(token), now).flatMap(id -> store.find(kind, id, now));
    }

    /**
     * Where deadline reminders for this draft go (null: none). A draft holds answers not yet checked, so an
     * address the outbox would refuse is not kept for reminders: queueing them would fail.
     */
    @Transactional
    public void setReminderEmail(UUID id, @Nullable String email) {
        store.setReminderEmail(id, Emails.isValid(email) ? Emails.normalise(email) : null);
    }

    /**
     * For each live draft of this kind with a reminder address that has not had {@code reminder}: marks
     * {@code reminder} and {@code alsoMark} as sent and returns it, in this transaction, so that several
     * nodes running reminders side by side send each one once.
     */
    @Transactional
    public java.util.List<Reminder> claimReminders(SubmissionKind kind, String reminder, java.util.List<String> alsoMark) {
        java.util.List<String> mark = new java.util.ArrayList<>(alsoMark);
        mark.add(reminder);
        return store.claimReminders(kind, reminder, mark.toArray(String[]::new), clock.instant());
    }

    /** A one-time link to reopen this draft, for a message the caller sends itself. */
    @Transactional
    public String newLink(SubmissionKind kind, UUID id, String pathPrefix) {
        StoredDraft draft = find(kind, id).orElseThrow(Drafts::expired);
        return link(draft, pathPrefix);
    }

    private static InvalidInputException expired() {
        return new InvalidInputException(List.of(FieldError.of("email", "core.draft.expired")));
    }

    private String link(StoredDraft draft, String pathPrefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insertLink(Hashes.sha256(token), draft.id(), draft.expiresAt());
        return consult.link(pathPrefix + token);
    }

    @Transactional
    public void delete(UUID id) {
        store.delete(id);
    }

    /** Deletes drafts whose time has run out, of every kind; answers how many. */
    @Transactional
    public int purgeExpired() {
        return store.deleteExpired(clock.instant());
    }
}
