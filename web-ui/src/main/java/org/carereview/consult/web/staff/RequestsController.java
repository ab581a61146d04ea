package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.privacy.Erased;
import org.carereview.consult.core.privacy.ErasureRequest;
import org.carereview.consult.core.privacy.HeldData;
import org.carereview.consult.core.privacy.Person;
import org.carereview.consult.core.privacy.SubjectRequests;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.Pages;

import java.util.UUID;

/**
 * Administrators answer someone who asks, by email or post, for a copy of their data or its erasure: find them by
 * email or reference, see what is held, export it (a JSON file or a readable page), and erase it after a
 * confirmation. Each step is audited by {@link SubjectRequests}. The address travels in form posts only, never in a
 * URL (so it is in no access log or browser history).
 */
@Controller(RequestsController.PATH)
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class RequestsController {

    static final String PATH = "/staff/admin/requests";

    @Serdeable
    record Who(@Nullable String email, @Nullable String reference, @Nullable String format) {

        ErasureRequest request() {
            return new ErasureRequest(email, reference);
        }
    }

    private final SubjectRequests requests;

    RequestsController(SubjectRequests requests) {
        this.requests = requests;
    }

    @Get
    @NotAudited("the search form, and counts of what an erasure removed")
    HttpResponse<?> form(@Nullable @QueryValue String erased, @Nullable @QueryValue String kept) {
        return page("staff/requests", new RequestPages.Search("", "", null, erased,
                erased == null ? null : kept == null ? "0" : kept));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> find(@Body Who who, Authentication admin) {
        try {
            HeldData held = requests.find(actor(admin), who.request().person());
            return page("staff/requests", new RequestPages.Search(email(who), reference(who), held, null, null));
        } catch (InvalidInputException e) {
            return Pages.invalid("staff/requests",
                    new RequestPages.Search(email(who), reference(who), null, null, null),
                    e.errors()).header("Cache-Control", "no-store");
        }
    }

    @Post("/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> export(@Body Who who, Authentication admin) {
        Person person = who.request().person();
        HeldData held = requests.export(actor(admin), person);
        if ("json".equals(who.format())) {
            return HttpResponse.ok(held).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"subject-access.json\"")
                    .header("Cache-Control", "no-store");
        }
        return page("staff/request-export", new RequestPages.Export(email(who), reference(who), held));
    }

    @Post("/erase-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body Who who) {
        who.request().person();
        return page("staff/request-erase", new RequestPages.Erase(email(who), reference(who), null));
    }

    @Post("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(@Body Who who, Authentication admin) {
        try {
            Erased erased = requests.erase(actor(admin), who.request().person());
            return Pages.seeOther(PATH + "?erased=" + erased.submissions().size() + "&kept="
                    + erased.keptForSafeguarding().size());
        } catch (ProblemException refused) {
            return page("staff/request-erase",
                    new RequestPages.Erase(email(who), reference(who), refused.getMessage()));
        }
    }

    private static String email(Who who) {
        return who.email() == null ? "" : who.email();
    }

    private static String reference(Who who) {
        return who.reference() == null ? "" : who.reference();
    }

    private static UUID actor(Authentication admin) {
        return UUID.fromString(admin.getName());
    }

    private static HttpResponse<?> page(String view, Record model) {
        return HttpResponse.ok(Pages.view(view, model)).header("Cache-Control", "no-store");
    }
}
