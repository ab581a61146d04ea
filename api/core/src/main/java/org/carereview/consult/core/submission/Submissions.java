package org.carereview.consult.core.submission;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Writes and reads the common submission record; channels call this inside their own transaction. */
@Singleton
public class Submissions {

    private final SubmissionRepository repository;
    private final References references;
    private final Clock clock;

    Submissions(SubmissionRepository repository, References references, Clock clock) {
        this.repository = repository;
        this.references = references;
        this.clock = clock;
    }

    @Transactional
    public NewSubmission create(SubmissionDraft draft) {
        Instant now = clock.instant();
        String reference = references.next(draft.kind());
        while (repository.existsByReference(reference)) {
            reference = references.next(draft.kind());
        }
        Submission saved = repository.save(new Submission(null, draft.kind(), reference, draft.status(),
                draft.ownerId(), null, draft.areaId(),
                draft.themes().stream().map(Enum::name).sorted().toArray(String[]::new),
                draft.dilemmas().stream().map(Enum::name).sorted().toArray(String[]::new),
                false, now, null, draft.quarantineReason(), now, now));
        repository.updateSearchText(saved.id(), draft.searchText());
        return new NewSubmission(saved.id(), saved.reference(), saved.submittedAt());
    }

    @Transactional
    public Optional<SubmissionSummary> find(UUID id) {
        return repository.findById(id).map(SubmissionSummary::of);
    }
}
