package org.carereview.consult.web.experts.apply;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.Applications;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.words.PublicWords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The task list and one page a section; whatever a section posts is saved to the draft on the server, as typed,
 * before it is checked, and only Continue checks it.
 */
@Controller(Apply.BASE + "/application")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationController {

    static final String EXPIRED = Apply.BASE + "?expired=1";

    private final ApplicationDrafts drafts;
    private final Applications applications;
    private final ApplicationSavedDrafts saved;
    private final PublicWords words;
    private final HttpLocaleResolver locales;

    ApplicationController(ApplicationDrafts drafts, Applications applications, ApplicationSavedDrafts saved,
                          PublicWords words, HttpLocaleResolver locales) {
        this.drafts = drafts;
        this.applications = applications;
        this.saved = saved;
        this.words = words;
        this.locales = locales;
    }

    @NotAudited("the applicant's own draft")
    @Get
    HttpResponse<?> taskList(HttpRequest<?> request) {
        return DraftCookie.APPLICATION.read(request).flatMap(drafts::find)
                .<HttpResponse<?>>map(d -> HttpResponse.ok(Pages.view("experts/apply/task-list",
                        TaskList.model(d.answers(), applications, inWords(request)))))
                .orElseGet(() -> Pages.seeOther(EXPIRED));
    }

    /** The bundle's words in the version of the words this applicant chose. */
    private UnaryOperator<String> inWords(HttpRequest<?> request) {
        MessageSource.MessageContext in = MessageSource.MessageContext.of(locales.resolveOrDefault(request));
        return key -> words.getRequiredMessage(key, in);
    }

    @NotAudited("the applicant's own draft")
    @Get("/{slug:[a-z-]+}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String change) {
        Optional<Section> section = Section.of(slug);
        if (section.isEmpty()) {
            return Pages.notFound();
        }
        Optional<ApplicationDraft> draft = DraftCookie.APPLICATION.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return Pages.seeOther(EXPIRED);
        }
        ApplicationInput answers = draft.get().answers();
        boolean underSixteen = applications.needsTrustedAdult(answers.dateOfBirth());
        if (section.get() == Section.TRUSTED_ADULT && !underSixteen) {
            return Pages.seeOther(SectionModel.TASK_LIST);
        }
        return HttpResponse.ok(Pages.view(section.get().view(), SectionModel.of(section.get(), answers, null,
                "1".equals(change), underSixteen, applications.maxAnswerLength())));
    }

    @Post("/{slug:[a-z-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, @PathVariable String slug, @Body SectionForm form) {
        Optional<Section> found = Section.of(slug);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        Section section = found.get();
        Optional<ApplicationDraft> draft = DraftCookie.APPLICATION.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return Pages.seeOther(EXPIRED);
        }
        // What is on the page goes into the draft as typed before anything is checked: "Save and come back
        // later" keeps an unfinished section, and a section Continue refuses is not lost.
        Optional<Instant> expires = drafts.save(draft.get().id(), answers -> form.keptIn(answers, section));
        if (expires.isEmpty()) {
            return Pages.seeOther(EXPIRED);
        }
        if (form.saveForLater()) {
            return saved.saved(drafts.resumeCode(draft.get().id()), expires.get(), section.path());
        }
        ApplicationInput updated = form.applyTo(draft.get().answers(), section);
        List<FieldError> errors = errors(section, updated, form);
        boolean underSixteen = applications.needsTrustedAdult(updated.dateOfBirth());
        if (!errors.isEmpty()) {
            return Pages.invalid(section.view(), SectionModel.of(section, updated, form, form.returnToCheck(),
                    underSixteen, applications.maxAnswerLength()), errors);
        }
        return Pages.seeOther(form.returnToCheck() ? SectionModel.TASK_LIST + "/check" : SectionModel.TASK_LIST);
    }

    /**
     * This section's errors, each keyed by the id of the control it links to, keeping its bundle key so that the
     * page words it in the version chosen.
     */
    private List<FieldError> errors(Section section, ApplicationInput updated, SectionForm form) {
        List<FieldError> errors = new ArrayList<>();
        boolean dateNotReal = section == Section.ABOUT_YOU && form.dateOfBirth().notReal();
        for (FieldError e : applications.checkPage(updated, section.fields)) {
            if (dateNotReal && e.field().equals("dateOfBirth")) {
                continue;
            }
            errors.add(new FieldError(Section.fieldId(e.field()), e.message(), e.key(), e.args()));
        }
        if (dateNotReal) {
            errors.add(Math.min(errors.size(), dateOfBirthPosition(errors)), FieldError.of(
                    Section.fieldId("dateOfBirth"), "experts.error.dateOfBirth." + form.dateOfBirth().problemCode()));
        }
        return errors;
    }

    /** The date comes after the names in the error summary, as it does on the page. */
    private static int dateOfBirthPosition(List<FieldError> errors) {
        int position = 0;
        for (FieldError e : errors) {
            if (e.field().equals("name") || e.field().equals("preferredName")) {
                position++;
            }
        }
        return position;
    }
}
