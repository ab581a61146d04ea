package org.carereview.consult.web.account;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.submission.OwnSubmissions;
import org.carereview.consult.core.submission.OwnedSubmission;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.words.PublicWords;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Your submissions": what the signed-in person has sent, each one's answers, and withdrawing one.
 * Open to anyone at the security layer so that a person who is not signed in is sent to the
 * contributors' sign-in page (not the staff one); someone else's submission is "Page not found". The words are
 * the {@code account} bundle's, in the version the person chose ({@link SubmissionWords}).
 */
@Controller(YourSubmissionsController.PATH)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class YourSubmissionsController {

    static final String PATH = "/your-submissions";

    /**
     * One of the person's submissions ({@code account/submission}): its reference, what it was and its page, whether
     * it was withdrawn, the summary rows, and the answers as summary rows (null once withdrawn: they are erased).
     */
    @Introspected
    record SubmissionPage(String reference, String kindKey, String href, boolean withdrawn,
                          List<Map<String, Object>> summary, @Nullable List<Map<String, Object>> answers) {
    }

    /** Asks to confirm withdrawing one ({@code account/withdraw}). */
    @Introspected
    record WithdrawPage(String reference, String kindKey, String href) {
    }

    /** What the person sent ({@code account/your-submissions}), and the reference of one just withdrawn (or null). */
    @Introspected
    record ListPage(List<Map<String, Object>> items, @Nullable String withdrawnReference) {
    }

    private final OwnSubmissions ownSubmissions;
    private final PublicWords words;
    private final HttpLocaleResolver locales;

    YourSubmissionsController(OwnSubmissions ownSubmissions, PublicWords words, HttpLocaleResolver locales) {
        this.ownSubmissions = ownSubmissions;
        this.words = words;
        this.locales = locales;
    }

    @NotAudited("only the signed-in person's own submissions, shown back to them")
    @Get
    HttpResponse<?> list(@Nullable Authentication authentication, @Nullable @QueryValue String withdrawn) {
        Optional<UUID> owner = owner(authentication);
        if (owner.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        List<OwnedSubmission> owned = ownSubmissions.ownedBy(owner.get());
        return page("account/your-submissions", new ListPage(
                owned.stream().map(s -> withOutcome(item(s), s, owner.get())).toList(),
                parse(withdrawn).flatMap(id -> owned.stream().filter(s -> s.id().equals(id) && s.withdrawn())
                        .findFirst()).map(OwnedSubmission::reference).orElse(null)));
    }

    @NotAudited("only the signed-in person's own answers, shown back to them")
    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication, @PathVariable String id) {
        Optional<UUID> owner = owner(authentication);
        if (owner.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        Optional<OwnedSubmission> found = parse(id).flatMap(i -> ownSubmissions.find(i, owner.get()));
        if (found.isEmpty()) {
            return notFound();
        }
        OwnedSubmission submission = found.get();
        SubmissionWords in = new SubmissionWords(words, locales.resolveOrDefault(request));
        return page("account/submission", new SubmissionPage(submission.reference(),
                SubmissionWords.kindKey(submission.kind()), href(submission), submission.withdrawn(),
                in.summary(submission), submission.withdrawn() ? null
                : in.answers(ownSubmissions.details(submission.id(), owner.get()), submission.themes())));
    }

    @NotAudited("a question about the person's own submission")
    @Get("/{id}/withdraw")
    HttpResponse<?> confirmWithdrawal(@Nullable Authentication authentication, @PathVariable String id) {
        Optional<UUID> owner = owner(authentication);
        if (owner.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        Optional<OwnedSubmission> found = parse(id).flatMap(i -> ownSubmissions.find(i, owner.get()));
        if (found.isEmpty()) {
            return notFound();
        }
        if (found.get().withdrawn()) {
            return Pages.seeOther(PATH + "/" + found.get().id());
        }
        OwnedSubmission s = found.get();
        return page("account/withdraw", new WithdrawPage(s.reference(), SubmissionWords.kindKey(s.kind()), href(s)));
    }

    @Post("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(@Nullable Authentication authentication, @PathVariable String id) {
        Optional<UUID> owner = owner(authentication);
        if (owner.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        Optional<UUID> submission = parse(id);
        if (submission.isEmpty()) {
            return notFound();
        }
        try {
            ownSubmissions.withdraw(submission.get(), owner.get());
        } catch (ProblemException e) {
            return notFound();
        }
        return Pages.seeOther(PATH + "?withdrawn=" + submission.get());
    }

    /** An application's outcome (selected, waiting list...) matters more to its applicant than triage's status. */
    private Map<String, Object> withOutcome(Map<String, Object> item, OwnedSubmission s, UUID owner) {
        if (s.kind() == SubmissionKind.EBE_APPLICATION && !s.withdrawn()) {
            ownSubmissions.details(s.id(), owner).stream().filter(d -> d.name().equals("outcome") && d.value() != null)
                    .findFirst().flatMap(d -> d.choices().stream().findFirst())
                    .ifPresent(code -> item.put("outcomeKey", SubmissionWords.choiceKey("outcome", code)));
        }
        return item;
    }

    private static String href(OwnedSubmission s) {
        return PATH + "/" + s.id();
    }

    private static Map<String, Object> item(OwnedSubmission s) {
        Map<String, Object> item = SubmissionWords.listItem(s.id(), s.reference(), s.kind(), s.submittedAt(),
                s.status());
        item.put("withdrawn", s.withdrawn());
        return item;
    }

    private static Optional<UUID> owner(@Nullable Authentication authentication) {
        return authentication == null ? Optional.empty() : parse(authentication.getName());
    }

    private static Optional<UUID> parse(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Personal pages: never kept by the browser or a shared cache. */
    private static HttpResponse<?> page(String view, Record model) {
        return HttpResponse.ok(Pages.view(view, model)).header("Cache-Control", "no-store");
    }

    private static HttpResponse<?> notFound() {
        return Pages.notFound();
    }
}
