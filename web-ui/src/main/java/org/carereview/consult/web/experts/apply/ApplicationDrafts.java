package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.draft.StoredDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.ApplicationReceipt;
import org.carereview.consult.experts.Applications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Unfinished applications: the answers so far, kept as JSON of {@link ApplicationInput} in a draft. */
@Singleton
class ApplicationDrafts {

    static final String BASE = "/experts-by-experience";
    static final Duration LIFETIME = Duration.ofDays(30);
    static final SubmissionKind KIND = SubmissionKind.EBE_APPLICATION;

    record Draft(UUID id, ApplicationInput answers) {
    }

    private final Drafts drafts;
    private final JsonMapper json;
    private final Applications applications;

    ApplicationDrafts(Drafts drafts, JsonMapper json, Applications applications) {
        this.drafts = drafts;
        this.json = json;
        this.applications = applications;
    }

    Draft start(@Nullable UUID owner) {
        ApplicationInput empty = new ApplicationInput(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        StoredDraft stored = drafts.start(KIND, write(empty), owner, LIFETIME);
        return new Draft(stored.id(), empty);
    }

    Optional<Draft> find(UUID id) {
        return drafts.find(KIND, id).map(this::read);
    }

    /** Saves the answers and keeps them for another full lifetime; answers the new expiry. */
    Instant save(UUID id, ApplicationInput answers) {
        Instant expires = drafts.save(id, write(answers), LIFETIME);
        drafts.setReminderEmail(id, answers.email());
        return expires;
    }

    String resumeCode(UUID id) {
        return drafts.resumeCode(id);
    }

    Optional<Draft> resumeByCode(String code) {
        return drafts.resumeByCode(KIND, code).map(this::read);
    }

    Optional<Draft> resumeByLink(String token) {
        return drafts.resumeByLink(KIND, token).map(this::read);
    }

    void emailLink(UUID id, String email) {
        drafts.emailLink(KIND, id, email, "application-draft-link", BASE + "/resume/");
    }

    /** Sends the application and deletes its draft in one transaction, so a sent draft never lingers. */
    @Transactional
    public ApplicationReceipt send(UUID id, ApplicationInput answers, @Nullable UUID owner) {
        ApplicationReceipt receipt = applications.submit(answers, owner);
        drafts.delete(id);
        return receipt;
    }

    private Draft read(StoredDraft stored) {
        try {
            return new Draft(stored.id(), json.readValue(stored.answers(), ApplicationInput.class));
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
