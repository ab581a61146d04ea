package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.BulkReceipt;
import org.carereview.consult.deepdives.Feedback;
import org.carereview.consult.deepdives.Sessions;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A facilitator enters what they heard: several feedback cards on one page, stored together or not at all. Spare
 * cards left empty are ignored; "Add another card" gives one more without saving anything.
 */
@Controller("/staff/deep-dives/areas/{slug}/cards")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class CardsPageController {

    static final String VIEW = "deepdives/cards";

    private final Areas areas;
    private final Sessions sessions;
    private final Feedback feedback;
    private final Idempotency idempotency;

    CardsPageController(Areas areas, Sessions sessions, Feedback feedback, Idempotency idempotency) {
        this.areas = areas;
        this.sessions = sessions;
        this.feedback = feedback;
        this.idempotency = idempotency;
    }

    @NotAudited("a form to type cards into, with the sessions by date")
    @Get
    HttpResponse<?> show(@PathVariable String slug) {
        return areas.find(slug).<HttpResponse<?>>map(a -> HttpResponse.ok(Pages.view(VIEW,
                CardsForm.blank(CardsForm.START).model(a, sessions.list(slug), UUID.randomUUID().toString()))))
                .orElseGet(Pages::notFound);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String slug, @Nullable @Body String body, Authentication who) {
        Optional<Area> area = areas.find(slug);
        if (area.isEmpty()) {
            return Pages.notFound();
        }
        FormBody fields = FormBody.parse(body);
        CardsForm form = CardsForm.read(fields);
        String formId = fields.first("formId") == null ? UUID.randomUUID().toString() : fields.first("formId");
        if ("add".equals(fields.first("action"))) {
            return HttpResponse.ok(Pages.view(VIEW, form.withAnotherCard().model(area.get(), sessions.list(slug), formId)));
        }
        CardsForm.CardsPage model = form.model(area.get(), sessions.list(slug), formId);
        if (form.filled().isEmpty()) {
            return Pages.invalid(VIEW, model, List.of(new FieldError("card-1-participantType",
                    "Fill in at least one card before saving")));
        }
        try {
            BulkReceipt receipt = idempotency.run("deep-dive-bulk-page:" + slug, formId, form.inputs(), BulkReceipt.class,
                    () -> feedback.bulk(slug, form.inputs(), UUID.fromString(who.getName()))).body();
            return Pages.seeOther("/staff/deep-dives/areas/" + slug + "?cards=" + receipt.count());
        } catch (InvalidInputException e) {
            return Pages.invalid(VIEW, model, form.pageErrors(e.errors()));
        } catch (ProblemException e) {
            // The same form was saved before with other cards (sent again from the browser's history).
            return Pages.invalid(VIEW, model.withFormId(UUID.randomUUID().toString()), List.of(new FieldError(
                    "card-1-participantType",
                    "This page was saved before. Check the cards below, then select Save cards to save them as new cards")));
        }
    }
}
