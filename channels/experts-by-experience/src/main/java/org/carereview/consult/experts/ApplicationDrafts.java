package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.draft.ChannelDrafts;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.draft.StoredDraft;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.retention.RetentionConfiguration;
import org.carereview.consult.core.submission.SentFrom;
import org.carereview.consult.core.submission.SubmissionKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Unfinished applications: the answers so far, kept as JSON of {@link ApplicationInput} in a draft, resumable
 * by a short code or an emailed one-time link, and sent once (a double click, a retry or a second tab is
 * answered with the first receipt).
 */
@Singleton
public class ApplicationDrafts implements ChannelDrafts<ApplicationDraft, ApplicationReceipt> {

    static final SubmissionKind KIND = SubmissionKind.EBE_APPLICATION;
    /** Where an emailed link to reopen a draft points; the token follows. */
    static final String RESUME_PATH = "/experts-by-experience/resume/";

    private final Drafts drafts;
    private final JsonMapper json;
    private final Applications applications;
    private final SentFrom sentFrom;
    /** Kept this long after the last save: the retention schedule's period for drafts (ADR 19). */
    private final Duration lifetime;

    ApplicationDrafts(Drafts drafts, JsonMapper json, Applications applications, SentFrom sentFrom,
                      RetentionConfiguration retention) {
        this.lifetime = retention.drafts();
        this.drafts = drafts;
        this.json = json;
        this.applications = applications;
        this.sentFrom = sentFrom;
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Transactional
    public ApplicationDraft start(@Nullable UUID owner) {
        ApplicationInput empty = new ApplicationInput(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        StoredDraft stored = drafts.start(KIND, write(empty), owner, lifetime);
        return new ApplicationDraft(stored.id(), empty);
    }

    @Override
    @Transactional
    public Optional<ApplicationDraft> find(UUID id) {
        return drafts.find(KIND, id).map(this::read);
    }

    /** Saves the answers and keeps them for another full lifetime; answers the new expiry. */
    @Transactional
    public Instant save(UUID id, ApplicationInput answers) {
        Instant expires = drafts.save(id, write(answers), lifetime);
        drafts.setReminderEmail(id, answers.email());
        return expires;
    }

    /**
     * Changes the answers kept in the draft, reading them with the draft locked so that two saves at once each
     * keep the other's change ({@link Drafts#lock}); answers the new expiry, or empty if the draft has gone.
     */
    @Transactional
    public Optional<Instant> save(UUID id, UnaryOperator<ApplicationInput> change) {
        return drafts.lock(KIND, id).map(this::read).map(draft -> save(id, change.apply(draft.answers())));
    }

    @Override
    @Transactional
    public String resumeCode(UUID id) {
        return drafts.resumeCode(id);
    }

    @Override
    @Transactional
    public Optional<ApplicationDraft> resumeByCode(String code) {
        return drafts.resumeByCode(KIND, code).map(this::read);
    }

    @Override
    @Transactional
    public Optional<ApplicationDraft> resumeByLink(String token) {
        return drafts.resumeByLink(KIND, token).map(this::read);
    }

    @Override
    @Transactional
    public void emailLink(UUID id, String email) {
        drafts.emailLink(KIND, id, email, "application-draft-link", RESUME_PATH);
    }

    /**
     * Sends the draft as an application once ({@link ChannelDrafts#send}). Outside the window: 409; invalid
     * answers: 422 (see {@link Applications#submit}).
     */
    @Override
    @Transactional
    public ApplicationReceipt send(UUID id, @Nullable UUID owner) {
        return sentFrom.once(KIND, id.toString(), null, () -> {
            ApplicationDraft draft = find(id).orElseThrow(() -> new InvalidInputException("draft",
                    "Your answers have expired. Start again."));
            ApplicationReceipt receipt = applications.submit(draft.answers(), owner);
            drafts.delete(id);
            return receipt;
        }, ApplicationReceipt::id, this::receipt);
    }

    @Override
    @Transactional
    public Optional<ApplicationReceipt> sent(UUID id) {
        return sentFrom.submission(KIND, id.toString()).map(this::receipt);
    }

    private ApplicationReceipt receipt(UUID submission) {
        return applications.summary(submission)
                .map(s -> new ApplicationReceipt(s.id(), s.reference(), ApplicationOutcome.SUBMITTED))
                .orElseThrow(() -> new IllegalStateException("sent draft's application is missing: " + submission));
    }

    private ApplicationDraft read(StoredDraft stored) {
        try {
            return new ApplicationDraft(stored.id(), json.readValue(stored.answers(), ApplicationInput.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(ApplicationInput answers) {
        try {
            return json.writeValueAsString(StoredAnswers.of(answers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
