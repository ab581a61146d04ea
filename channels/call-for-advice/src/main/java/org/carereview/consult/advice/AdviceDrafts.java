package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.draft.ChannelDrafts;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.draft.StoredDraft;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.retention.RetentionConfiguration;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.submission.SentFrom;
import org.carereview.consult.core.submission.SubmissionKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Drafts of the call for advice: saved at every step, resumable by a short code or an emailed one-time
 * link, sent once (a double click replays the first answer), quarantined when a bot gives itself away.
 */
@Singleton
public class AdviceDrafts implements ChannelDrafts<Draft, AdviceReceipt> {

    private static final SubmissionKind KIND = SubmissionKind.CALL_FOR_ADVICE;

    private final Drafts drafts;
    private final AdviceService advice;
    private final SentFrom sentFrom;
    private final JsonMapper json;
    private final AdviceConfiguration configuration;
    /** Kept this long after the last save: the retention schedule's period for drafts (ADR 19). */
    private final Duration lifetime;
    private final Clock clock;

    AdviceDrafts(Drafts drafts, AdviceService advice, SentFrom sentFrom, JsonMapper json,
                 AdviceConfiguration configuration, RetentionConfiguration retention, Clock clock) {
        this.drafts = drafts;
        this.advice = advice;
        this.sentFrom = sentFrom;
        this.json = json;
        this.configuration = configuration;
        this.lifetime = retention.drafts();
        this.clock = clock;
    }

    @Transactional
    public Draft start(@Nullable UUID owner) {
        return map(drafts.start(KIND, write(DraftAnswers.empty()), owner, lifetime));
    }

    @Override
    @Transactional
    public Optional<Draft> find(UUID id) {
        return drafts.find(KIND, id).map(this::map);
    }

    /** Saves the answers so far; each save keeps the draft for another full lifetime. Answers the new expiry. */
    @Transactional
    public Instant save(UUID id, DraftAnswers state) {
        return drafts.save(id, write(state), lifetime);
    }

    /**
     * Changes the answers kept in the draft, reading them with the draft locked so that two saves at once each
     * keep the other's change ({@link Drafts#lock}); answers the new expiry, or empty if the draft has gone.
     */
    @Transactional
    public Optional<Instant> save(UUID id, UnaryOperator<DraftAnswers> change) {
        return drafts.lock(KIND, id).map(this::map).map(draft -> save(id, change.apply(draft.state())));
    }

    @Override
    @Transactional
    public String resumeCode(UUID id) {
        return drafts.resumeCode(id);
    }

    @Override
    @Transactional
    public Optional<Draft> resumeByCode(String typed) {
        return drafts.resumeByCode(KIND, typed).map(this::map);
    }

    @Override
    @Transactional
    public void emailLink(UUID id, String email) {
        drafts.emailLink(KIND, id, email, "advice-draft-link", "/call-for-advice/resume/");
    }

    @Override
    @Transactional
    public Optional<Draft> resumeByLink(String token) {
        return drafts.resumeByLink(KIND, token).map(this::map);
    }

    /**
     * Sends the draft once ({@link ChannelDrafts#send}). A journey finished faster than a person could, or one
     * that filled the hidden field, is stored QUARANTINED and answered exactly like any other.
     */
    @Override
    @Transactional
    public AdviceReceipt send(UUID id, @Nullable UUID signedInAccount) {
        return sentFrom.once(KIND, id.toString(), null, () -> {
            Draft draft = find(id).orElseThrow(() -> new InvalidInputException(
                    List.of(FieldError.of("draft", "advice.error.draft.expired"))));
            UUID owner = signedInAccount != null ? signedInAccount : draft.ownerId();
            AdviceReceipt receipt = advice.submit(draft.answers(), owner, quarantineReason(draft));
            drafts.delete(id);
            return receipt;
        }, AdviceReceipt::id, this::receipt);
    }

    @Override
    @Transactional
    public Optional<AdviceReceipt> sent(UUID id) {
        return sentFrom.submission(KIND, id.toString()).map(this::receipt);
    }

    private AdviceReceipt receipt(UUID submission) {
        return advice.summary(submission).map(s -> new AdviceReceipt(s.id(), s.reference(), s.submittedAt()))
                .orElseThrow(() -> new IllegalStateException("sent draft's submission is missing: " + submission));
    }

    /** Deletes expired drafts (of every kind); answers how many. */
    @Transactional
    public int purgeExpired() {
        return drafts.purgeExpired();
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Nullable
    private QuarantineReason quarantineReason(Draft draft) {
        if (draft.state().trapped()) {
            return QuarantineReason.HONEYPOT;
        }
        if (Duration.between(draft.startedAt(), clock.instant()).compareTo(configuration.minimumTime()) < 0) {
            return QuarantineReason.TOO_FAST;
        }
        return null;
    }

    private Draft map(StoredDraft stored) {
        return new Draft(stored.id(), read(stored.answers()), stored.ownerId(), stored.startedAt(), stored.expiresAt());
    }

    private String write(DraftAnswers state) {
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DraftAnswers read(String text) {
        try {
            DraftAnswers state = json.readValue(text, Argument.of(DraftAnswers.class));
            return state == null || state.answers() == null ? DraftAnswers.empty() : state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
