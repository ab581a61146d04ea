package org.carereview.consult.web.advice;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.AdviceReceipt;
import org.carereview.consult.advice.AdviceService;
import org.carereview.consult.advice.RespondentType;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.web.Pages;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The call for advice as a page (one question page for now), its confirmation with the reference. */
@Controller("/call-for-advice")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdvicePageController {

    @Serdeable
    record AdviceForm(@Nullable String respondentType, @Nullable String organisation, @Nullable String keyQuestions,
                      @Nullable String engagementAdvice, @Nullable String resources, @Nullable String groupsToSpeakTo,
                      @Nullable List<String> themes, @Nullable String contactEmail, @Nullable String consentToContact,
                      @Nullable String consentToPublish, @Nullable String idempotencyKey) {

        AdviceInput toInput() {
            return new AdviceInput(respondentType, organisation, keyQuestions, engagementAdvice, resources,
                    groupsToSpeakTo, themes == null ? List.of() : themes, contactEmail,
                    "yes".equals(consentToContact), "yes".equals(consentToPublish));
        }
    }

    private final AdviceService advice;
    private final Idempotency idempotency;

    AdvicePageController(AdviceService advice, Idempotency idempotency) {
        this.advice = advice;
        this.idempotency = idempotency;
    }

    @Get
    ModelAndView<Map<String, Object>> form() {
        return Pages.view("advice/form", model(new AdviceForm(null, null, null, null, null, null, List.of(), null,
                null, null, UUID.randomUUID().toString())));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(@Body AdviceForm form, @Nullable Authentication authentication) {
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        AdviceInput input = form.toInput();
        try {
            AdviceReceipt receipt = idempotency.run("call-for-advice-page", form.idempotencyKey(), input,
                    AdviceReceipt.class, () -> advice.submit(input, owner)).body();
            return Pages.seeOther("/call-for-advice/confirmation/" + receipt.id());
        } catch (InvalidInputException e) {
            return Pages.invalid("advice/form", model(form), e.errors());
        }
    }

    @Get("/confirmation/{id}")
    HttpResponse<?> confirmation(@PathVariable UUID id) {
        return advice.summary(id)
                .<HttpResponse<?>>map(s -> HttpResponse.ok(Pages.view("advice/confirmation",
                        Map.of("reference", s.reference()))))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND));
    }

    private static Map<String, Object> model(AdviceForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("respondentTypes", Arrays.stream(RespondentType.values())
                .map(t -> Map.of("value", t.name(), "text", t.label())).toList());
        model.put("themeOptions", Arrays.stream(Theme.values())
                .map(t -> Map.of("value", t.name(), "text", t.label())).toList());
        model.put("selectedThemes", form.themes() == null ? List.of() : form.themes());
        model.put("consentOptions", List.of(
                Map.of("name", "consentToContact", "value", "yes", "text", "You can contact me about my advice",
                        "checked", "yes".equals(form.consentToContact())),
                Map.of("name", "consentToPublish", "value", "yes",
                        "text", "You can publish a short quote from my advice without my name",
                        "checked", "yes".equals(form.consentToPublish()))));
        return model;
    }
}
