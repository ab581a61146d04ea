package org.carereview.consult.web.account;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.privacy.HeldData;
import org.carereview.consult.core.privacy.SubjectRequests;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Your data": everything held about the signed-in contributor in plain words, the same as a JSON file, and erasing
 * their account with everything it owns (then they are signed out). Open at the security layer so that someone not
 * signed in is sent to the contributors' sign-in page; the words are the {@code account} bundle's.
 */
@Controller(YourDataController.PATH)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class YourDataController {

    /**
     * What the service holds about the person ({@code account/your-data}): their address, what they sent, the emails
     * sent to them (when, and about what), and how many unfinished drafts they have.
     */
    @Introspected
    record YourDataPage(String email, List<Map<String, Object>> items, List<Map<String, String>> emails, int drafts) {
    }

    static final String PATH = "/your-data";
    private static final Set<String> EMAILS_IN_WORDS = Set.of("sign-in-link", "advice-receipt", "ebe-receipt",
            "advice-draft-link", "application-draft-link", "application-deadline-reminder");

    private final SubjectRequests requests;

    YourDataController(SubjectRequests requests) {
        this.requests = requests;
    }

    @Get
    @NotAudited("only the signed-in person's own data, shown back to them (each copy is recorded as SUBJECT_ACCESS)")
    HttpResponse<?> show(@Nullable Authentication authentication) {
        Optional<UUID> who = contributor(authentication);
        if (who.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        HeldData held = requests.yours(who.get());
        return page("account/your-data", new YourDataPage(held.account() == null ? "" : held.account().email(),
                held.submissions().stream().map(YourDataController::item).toList(),
                held.emails().stream().map(e -> Map.of("sent", SubmissionWords.date(e.createdAt()),
                        "aboutKey", "account.data.email." + about(e.template()))).toList(), held.drafts().size()));
    }

    @Get(value = "/file", produces = MediaType.APPLICATION_JSON)
    @NotAudited("only the signed-in person's own data, as a file (each copy is recorded as SUBJECT_ACCESS)")
    HttpResponse<?> file(@Nullable Authentication authentication) {
        Optional<UUID> who = contributor(authentication);
        if (who.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        return HttpResponse.ok(requests.yours(who.get())).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"your-data.json\"")
                .header("Cache-Control", "no-store");
    }

    @Get("/erase")
    @NotAudited("a question: erase everything?")
    HttpResponse<?> confirm(@Nullable Authentication authentication) {
        return contributor(authentication).isEmpty() ? Pages.seeOther("/sign-in") : page("account/erase", null);
    }

    @Post("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<UUID> who = contributor(authentication);
        if (who.isEmpty()) {
            return Pages.seeOther("/sign-in");
        }
        requests.eraseYours(who.get());
        return Pages.seeOther(PATH + "/erased").cookie(AuthCookies.signOut(request));
    }

    @Get("/erased")
    @NotAudited("a confirmation with no one's data")
    HttpResponse<?> erased() {
        return page("account/erased", null);
    }

    private static Map<String, Object> item(HeldData.Sent s) {
        return SubmissionWords.listItem(UUID.fromString(s.id()), s.reference(), SubmissionKind.valueOf(s.kind()),
                s.submittedAt(), SubmissionStatus.valueOf(s.status()));
    }

    private static String about(String template) {
        if (template.startsWith("application-outcome-")) {
            return "outcome";
        }
        return EMAILS_IN_WORDS.contains(template) ? template : "other";
    }

    /** Only a contributor has data of their own here; staff accounts are looked after by an administrator. */
    private static Optional<UUID> contributor(@Nullable Authentication authentication) {
        if (authentication == null || !Viewer.of(authentication).has(Role.CONTRIBUTOR)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(authentication.getName()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A page about one's own data, never cached; {@code model} null for a page with no variables of its own. */
    private static HttpResponse<?> page(String view, @Nullable Record model) {
        return HttpResponse.ok(model == null ? Pages.view(view) : Pages.view(view, model))
                .header("Cache-Control", "no-store");
    }
}
