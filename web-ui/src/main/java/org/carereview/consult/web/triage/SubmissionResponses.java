package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.triage.TagSuggestions;
import org.carereview.consult.triage.TriageDetails;
import org.carereview.consult.triage.TriageSubmission;
import org.carereview.consult.triage.campaigns.Campaigns;
import org.carereview.consult.triage.similar.Similar;
import org.carereview.consult.triage.similar.SimilarSubmissions;
import org.carereview.consult.web.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The answers of the submission page's routes: the page, a 404 for an id this viewer may not know, and for a
 * form post either a redirect (303) or the page again with its errors (422, or 409 when the change no longer
 * fits the submission's state).
 */
@Singleton
class SubmissionResponses {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionResponses.class);

    /** One form's work; answers the address to go to afterwards. */
    interface Work {
        String run(UUID id, Viewer viewer);
    }

    private final TriageDetails details;
    private final AccountService accounts;
    private final Areas areas;
    private final Campaigns campaigns;
    private final SimilarSubmissions similar;
    private final TagSuggestions suggestions;

    SubmissionResponses(TriageDetails details, AccountService accounts, Areas areas, Campaigns campaigns,
                        SimilarSubmissions similar, TagSuggestions suggestions) {
        this.suggestions = suggestions;
        this.details = details;
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.areas = areas;
        this.similar = similar;
    }

    HttpResponse<?> page(String rawId, Viewer viewer, @Nullable String banner) {
        Optional<UUID> id = id(rawId);
        if (id.isEmpty()) {
            return notFound();
        }
        return details.open(id.get(), viewer)
                .<HttpResponse<?>>map(s -> HttpResponse.ok(Pages.view(SubmissionPage.VIEW, model(s, viewer, banner, Map.of())))
                        .header("Cache-Control", "no-store"))
                .orElseGet(SubmissionResponses::notFound);
    }

    /** Runs the work; {@code conflictField} is the field a 409 (a change the state no longer allows) is shown on. */
    HttpResponse<?> post(String rawId, Viewer viewer, Map<String, String> typed, String conflictField, Work work) {
        Optional<UUID> id = id(rawId);
        if (id.isEmpty()) {
            return notFound();
        }
        try {
            return Pages.seeOther(work.run(id.get(), viewer));
        } catch (InvalidInputException e) {
            return again(id.get(), viewer, typed, HttpStatus.UNPROCESSABLE_ENTITY, e.errors());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return notFound();
            }
            String detail = e.toProblem().detail();
            return again(id.get(), viewer, typed, e.status(),
                    List.of(new FieldError(conflictField, detail == null ? e.toProblem().title() : detail)));
        }
    }

    /**
     * The page's model, with the copy-and-paste campaign it is part of (ADR 0034) and the submissions like it (ADR 0036),
     * as this viewer may see them.
     */
    private SubmissionPage model(TriageSubmission s, Viewer viewer, @Nullable String banner, Map<String, String> typed) {
        SubmissionPage.Around around = new SubmissionPage.Around(new StaffDirectory(accounts), areas.list(),
                campaigns.of(s.id(), viewer.seesFlagged()).orElse(null), SuggestionRows.open(suggestions.of(s.id(), viewer)),
                SimilarSection.of(similar(s.id(), viewer), s.status() == SubmissionStatus.WITHDRAWN));
        return SubmissionPage.of(s, viewer, around, banner, typed);
    }

    private HttpResponse<?> again(UUID id, Viewer viewer, Map<String, String> typed, HttpStatus status,
                                  List<FieldError> errors) {
        return details.open(id, viewer)
                .<HttpResponse<?>>map(s -> Pages.withErrors(status, SubmissionPage.VIEW, model(s, viewer, null, typed), errors))
                .orElseGet(SubmissionResponses::notFound);
    }

    /** "More like this", read for the same viewer; the page's one audit event is the submission's read. */
    private Optional<Similar> similar(UUID id, Viewer viewer) {
        try {
            return similar.find(id, viewer);
        } catch (RuntimeException | LinkageError e) {
            // The submission matters more than what is like it: without the model or the index, the section is left out.
            LOG.warn("More like this could not be read ({}); the page is shown without it", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The GOV.UK "Page not found" page, the same whether the id is made up or the viewer may not see it. */
    static HttpResponse<?> notFound() {
        return Pages.notFound();
    }

    static Optional<UUID> id(String raw) {
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
