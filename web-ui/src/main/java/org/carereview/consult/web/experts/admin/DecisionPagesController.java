package org.carereview.consult.web.experts.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.experts.ApplicationFilter;
import org.carereview.consult.experts.ApplicationPage;
import org.carereview.consult.experts.ApplicationView;
import org.carereview.consult.experts.Applications;
import org.carereview.consult.experts.Decisions;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Scoring;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administrators read applications in full, see their scores, and decide. */
@Controller("/staff/applications")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionPagesController {

    @Serdeable
    record DecisionForm(@Nullable String outcome, @Nullable String note) {
    }

    private static final List<Map<String, Object>> OUTCOMES = List.of(
            Map.of("value", "SHORTLISTED", "text", "Shortlist"),
            Map.of("value", "SELECTED", "text", "Select for the group"),
            Map.of("value", "WAITLISTED", "text", "Put on the waiting list"),
            Map.of("value", "DECLINED", "text", "Decline"));

    private final Applications applications;
    private final Decisions decisions;
    private final Scoring scoring;

    private final AuditLog audit;

    DecisionPagesController(Applications applications, Decisions decisions, Scoring scoring, AuditLog audit) {
        this.audit = audit;
        this.applications = applications;
        this.decisions = decisions;
        this.scoring = scoring;
    }

    /** A page of applications, newest first, narrowed by the API's filters; "Next page" goes on through all of them. */
    @PersonalData
    @Get
    HttpResponse<?> list(Authentication who, @Nullable @QueryValue String outcome, @Nullable @QueryValue String region,
                         @Nullable @QueryValue String ageBand, @Nullable @QueryValue String experience,
                         @Nullable @QueryValue String after) {
        ApplicationsList query = new ApplicationsList(outcome, region, ageBand, experience, after);
        try {
            ApplicationFilter filter = ApplicationFilter.parse(outcome, region, ageBand, experience);
            ApplicationPage page = applications.list(filter, after, ApplicationsList.PAGE_SIZE);
            String described = filter.describe();
            audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST,
                    "applications page" + (described.isEmpty() ? "" : " " + described), page.items().size());
            return HttpResponse.ok(Pages.view("experts/admin/applications", query.model(page)));
        } catch (InvalidInputException e) {
            if (e.errors().stream().anyMatch(error -> error.field().equals("after"))) {
                return Pages.notFound(); // only a hand-edited cursor is unreadable: "Next page" links make good ones
            }
            return Pages.invalid("experts/admin/applications", query.model(null), e.errors());
        }
    }

    @PersonalData
    @Get("/{id}")
    HttpResponse<?> show(@PathVariable UUID id, Authentication who, @Nullable @QueryValue String decided) {
        return applications.find(id)
                .<HttpResponse<?>>map(a -> {
                    audit.record(UUID.fromString(who.getName()), AuditAction.VIEW, id, "application");
                    return HttpResponse.ok(Pages.view("experts/admin/application", model(a, who, decided)));
                })
                .orElseGet(() -> Pages.notFound());
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(@PathVariable UUID id, @Body DecisionForm form, Authentication who) {
        ApplicationView application = applications.find(id).orElse(null);
        if (application == null) {
            return Pages.notFound();
        }
        try {
            decisions.decide(id, form.outcome(), form.note(), UUID.fromString(who.getName()));
            return Pages.seeOther("/staff/applications/" + id + "?decided=1");
        } catch (InvalidInputException e) {
            return Pages.invalid("experts/admin/application", model(application, who, null), e.errors());
        } catch (ProblemException e) {
            return Pages.withErrors(HttpStatus.CONFLICT, "experts/admin/application", model(application, who, null),
                    List.of(new FieldError("outcome", e.getMessage())));
        }
    }

    private DecisionPage model(ApplicationView a, Authentication who, @Nullable String decided) {
        return new DecisionPage(a.id().toString(), a.reference(), decided != null, OUTCOMES, List.of(
                row("Name", a.name()), row("Preferred name", a.preferredName()),
                row("Age band", a.ageBand() == null ? null : a.ageBand().label()),
                row("Region", a.region() == null ? null : a.region().label()),
                row("Experience", String.join(", ", a.experiences().stream().map(Experience::label).toList())),
                row("Outcome", a.outcome().name()),
                row("Sent", UkTime.day(a.submittedAt()))),
                scoring.item(a.id(), UUID.fromString(who.getName()), true)
                        .map(i -> i.averageTotal() == null ? "No scores yet"
                                : i.averageTotal() + " from " + i.scores() + " scores")
                        .orElse("Not open for scoring"));
    }

    /**
     * One application for deciding ({@code experts/admin/application}): id and reference, whether it was just
     * decided, the outcomes to choose from, its answers as summary rows, and its average score in words.
     */
    @Introspected
    record DecisionPage(String id, String reference, boolean decided, List<Map<String, Object>> outcomes,
                           List<Map<String, Object>> rows, String average) {
    }

    private static Map<String, Object> row(String key, @Nullable String value) {
        return Map.of("key", key, "value", value == null || value.isBlank() ? "Not given" : value);
    }
}
