package org.carereview.consult.web.safeguarding;

import io.micronaut.core.annotation.Introspected;
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
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.LeadOnly;
import org.carereview.consult.core.routes.LeadOrAdmin;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.safeguarding.SafeguardingConfiguration;
import org.carereview.consult.core.safeguarding.SafeguardingPhrases;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The safeguarding lead keeps the list of phrases every free-text answer is screened against: add one,
 * change its weight, remove one; every change kept. Administrators can read the list.
 */
@Controller("/staff/safeguarding/phrases")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PhrasesController {

    @Serdeable
    record PhraseForm(@Nullable String phrase, @Nullable String weight) {
    }

    private static final String PATH = "/staff/safeguarding/phrases";

    private final SafeguardingPhrases phrases;
    private final SafeguardingConfiguration configuration;

    PhrasesController(SafeguardingPhrases phrases, SafeguardingConfiguration configuration) {
        this.phrases = phrases;
        this.configuration = configuration;
    }

    @NotAudited("the safeguarding phrases staff wrote: no one's words")
    @Get
    @LeadOrAdmin
    HttpResponse<?> list(Authentication who, @Nullable @QueryValue String saved) {
        return HttpResponse.ok(Pages.view("safeguarding/phrases", model(who, new PhraseForm(null, null), saved)));
    }

    @Post
    @LeadOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> put(@Body PhraseForm form, Authentication who) {
        Integer weight = parse(form.weight());
        try {
            SafeguardingPhrases.Phrase saved = phrases.put(form.phrase(), weight, UUID.fromString(who.getName()));
            return Pages.seeOther(PATH + "?saved=" + java.net.URLEncoder.encode(saved.phrase(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            List<FieldError> errors = e.errors();
            if (form.weight() != null && !form.weight().isBlank() && weight == null) {
                errors = errors.stream().map(f -> f.field().equals("weight")
                        ? new FieldError("weight", "Enter the weight as a whole number from 1 to "
                        + SafeguardingPhrases.MAX_WEIGHT) : f).toList();
            }
            return Pages.invalid("safeguarding/phrases", model(who, form, null), errors);
        }
    }

    @Post("/remove")
    @LeadOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@Body PhraseForm form, Authentication who) {
        try {
            phrases.remove(form.phrase(), UUID.fromString(who.getName()));
        } catch (ProblemException gone) {
            return Pages.notFound();
        }
        return Pages.seeOther(PATH + "?saved=removed");
    }

    private PhrasesPage model(Authentication who, PhraseForm form, @Nullable String saved) {
        return new PhrasesPage(Viewer.of(who).has(Role.SAFEGUARDING_LEAD), configuration.threshold(), form, saved,
                phrases.list().stream().map(p -> Map.<String, Object>of("phrase", p.phrase(), "weight", p.weight()))
                        .toList(),
                GovukItems.columns("Phrase", "Change", "When"),
                phrases.history(20).stream().map(c -> List.of(GovukItems.cell(c.phrase()), GovukItems.cell(words(c)),
                        GovukItems.cell(UkTime.moment(c.changedAt())))).toList());
    }

    /**
     * The screening's phrases ({@code safeguarding/phrases}): whether the reader is the lead (who may change them),
     * the weight at which a submission is flagged, the form as filled in, what was just saved (or null), the phrases
     * with their weights, and the last changes as a table.
     */
    @Introspected
    record PhrasesPage(boolean lead, int threshold, PhraseForm form, @Nullable String saved,
                       List<Map<String, Object>> phrases, List<Map<String, Object>> changesHead,
                       List<List<Map<String, Object>>> changes) {
    }

    private static String words(SafeguardingPhrases.Change c) {
        return switch (c.change()) {
            case "ADDED" -> "Added with weight " + c.newWeight();
            case "REWEIGHTED" -> "Weight " + c.oldWeight() + " changed to " + c.newWeight();
            case "REMOVED" -> "Removed (weight was " + c.oldWeight() + ")";
            default -> c.change();
        };
    }

    @Nullable
    private static Integer parse(@Nullable String weight) {
        try {
            return weight == null ? null : Integer.valueOf(weight.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
