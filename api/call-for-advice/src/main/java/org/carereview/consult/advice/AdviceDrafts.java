package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.security.Hashes;
import org.carereview.consult.core.submission.References;
import org.carereview.consult.notifications.Outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafts of the call for advice: saved at every step, resumable by a short code or an emailed one-time
 * link, sent once (a double click replays the first answer), quarantined when a bot gives itself away.
 */
@Singleton
public class AdviceDrafts {

    static final String TOO_FAST = "TOO_FAST";
    static final String HONEYPOT = "HONEYPOT";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final DraftStore store;
    private final AdviceService advice;
    private final Idempotency idempotency;
    private final References references;
    private final Outbox outbox;
    private final AdviceConfiguration configuration;
    private final ConsultConfiguration consult;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AdviceDrafts(DraftStore store, AdviceService advice, Idempotency idempotency, References references, Outbox outbox,
                 AdviceConfiguration configuration, ConsultConfiguration consult, Clock clock) {
        this.store = store;
        this.advice = advice;
        this.idempotency = idempotency;
        this.references = references;
        this.outbox = outbox;
        this.configuration = configuration;
        this.consult = consult;
        this.clock = clock;
    }

    @Transactional
    public Draft start(@Nullable UUID owner) {
        Instant now = clock.instant();
        return store.insert(owner, now, now.plus(configuration.draftLifetime()));
    }

    @Transactional
    public Optional<Draft> find(UUID id) {
        return store.find(id, clock.instant());
    }

    /** Saves the answers so far; each save keeps the draft for another full lifetime. */
    @Transactional
    public Instant save(UUID id, DraftAnswers state) {
        Instant expires = clock.instant().plus(configuration.draftLifetime());
        store.save(id, state, clock.instant(), expires);
        return expires;
    }

    /** A new resume code for the draft (shown once; only its hash is kept). */
    @Transactional
    public String resumeCode(UUID id) {
        String code = references.code();
        store.setCodeHash(id, Hashes.sha256(code));
        return code;
    }

    @Transactional
    public Optional<Draft> resumeByCode(String typed) {
        String code = References.normaliseCode(typed);
        return code == null ? Optional.empty() : store.findByCodeHash(Hashes.sha256(code), clock.instant());
    }

    /** Emails a one-time link that reopens the draft; it lasts as long as the draft does. */
    @Transactional
    public void emailLink(UUID id, String email) {
        if (!Emails.isValid(email)) {
            throw new InvalidInputException("email", "Enter an email address in the correct format, like name@example.com");
        }
        Draft draft = find(id).orElseThrow(() -> new InvalidInputException("email", "Your answers have expired. Start again."));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insertLink(Hashes.sha256(token), id, draft.expiresAt());
        outbox.enqueue("advice-draft-link", Emails.normalise(email), Map.of(
                "link", consult.link("/call-for-advice/resume/" + token),
                "expires", DAY.format(draft.expiresAt())));
    }

    @Transactional
    public Optional<Draft> resumeByLink(String token) {
        Instant now = clock.instant();
        return store.redeemLink(Hashes.sha256(token), now).flatMap(id -> store.find(id, now));
    }

    /**
     * Sends the draft as a submission, at most once: the draft id is the idempotency key, so a double
     * click or a retry answers with the first receipt. A journey finished faster than a person could, or
     * one that filled the hidden field, is stored QUARANTINED and answered exactly like any other.
     */
    @Transactional
    public AdviceReceipt submit(UUID id, @Nullable UUID signedInAccount) {
        return idempotency.run("call-for-advice-draft", id.toString(), Map.of("draft", id.toString()),
                AdviceReceipt.class, () -> {
                    Draft draft = find(id).orElseThrow(() -> new InvalidInputException("draft",
                            "Your answers have expired. Start again."));
                    UUID owner = signedInAccount != null ? signedInAccount : draft.ownerId();
                    AdviceReceipt receipt = advice.submit(draft.answers(), owner, quarantineReason(draft));
                    store.delete(id);
                    return receipt;
                }).body();
    }

    /** Deletes drafts whose time has run out; answers how many. */
    @Transactional
    public int purgeExpired() {
        return store.deleteExpired(clock.instant());
    }

    public Duration lifetime() {
        return configuration.draftLifetime();
    }

    @Nullable
    private String quarantineReason(Draft draft) {
        if (draft.state().trapped()) {
            return HONEYPOT;
        }
        if (Duration.between(draft.startedAt(), clock.instant()).compareTo(configuration.minimumTime()) < 0) {
            return TOO_FAST;
        }
        return null;
    }
}
