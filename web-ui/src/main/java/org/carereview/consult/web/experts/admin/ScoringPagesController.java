package org.carereview.consult.web.experts.admin;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.ReviewerOrAdmin;
import org.carereview.consult.experts.Criterion;
import org.carereview.consult.experts.Experience;
import org.carereview.consult.experts.Scoring;
import org.carereview.consult.experts.ScoringItem;
import org.carereview.consult.web.Pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reviewers and administrators score applications without seeing who wrote them. */
@Controller("/staff/applications/scoring")
@Produces(MediaType.TEXT_HTML)
@ReviewerOrAdmin
@ExecuteOn(TaskExecutors.BLOCKING)
class ScoringPagesController {

    static final int PAGE_SIZE = 100;
    static final String PATH = "/staff/applications/scoring";

    @Serdeable
    record ScoreForm(@Nullable String experience, @Nullable String motivation, @Nullable String perspective,
                     @Nullable String commitment, @Nullable String comment) {

        Map<String, Integer> criteria() {
            Map<String, Integer> given = new LinkedHashMap<>();
            put(given, "experience", experience);
            put(given, "motivation", motivation);
            put(given, "perspective", perspective);
            put(given, "commitment", commitment);
            return given;
        }

        private static void put(Map<String, Integer> map, String key, @Nullable String value) {
            if (value != null && value.matches("[1-5]")) {
                map.put(key, Integer.parseInt(value));
            }
        }
    }

    private final Scoring scoring;

    private final AuditLog audit;

    ScoringPagesController(Scoring scoring, AuditLog audit) {
        this.audit = audit;
        this.scoring = scoring;
    }

    @PersonalData
    @Get
    HttpResponse<?> list(Authentication who, @Nullable @QueryValue String scored, @Nullable @QueryValue String after) {
        Scoring.ScoringPage page;
        try {
            page = scoring.toScore(scorer(who), seesFlagged(who), after, PAGE_SIZE);
        } catch (InvalidInputException e) {
            return Pages.notFound(); // only a hand-edited "after" is unreadable: the link "Next page" makes good ones
        }
        List<ScoringItem> items = page.items();
        audit.recordList(scorer(who), AuditAction.LIST, "scoring page", items.size());
        return HttpResponse.ok(Pages.view("experts/admin/scoring-list", new ScoringPages.ListPage(
                items.stream().map(i -> Map.<String, Object>of(
                        "id", i.id().toString(), "reference", i.reference(), "experiences", labels(i.experiences()),
                        "scores", i.scores(),
                        "average", i.averageTotal() == null ? "No scores yet" : String.valueOf(i.averageTotal()),
                        "yours", i.yourScore() != null)).toList(), scored,
                after == null || after.isBlank() ? null : PATH, page.next() == null ? null
                : PATH + "?after=" + URLEncoder.encode(page.next(), StandardCharsets.UTF_8))));
    }

    @PersonalData
    @Get("/{id}")
    HttpResponse<?> show(@PathVariable UUID id, Authentication who) {
        return scoring.item(id, scorer(who), seesFlagged(who))
                .<HttpResponse<?>>map(item -> {
                    audit.record(scorer(who), AuditAction.VIEW, id, "scoring");
                    return HttpResponse.ok(Pages.view("experts/admin/score", model(item, Map.of())));
                })
                .orElseGet(() -> Pages.notFound());
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> score(@PathVariable UUID id, @Body ScoreForm form, Authentication who) {
        ScoringItem item = scoring.item(id, scorer(who), seesFlagged(who)).orElse(null);
        if (item == null) {
            return Pages.notFound();
        }
        try {
            scoring.score(id, scorer(who), seesFlagged(who), form.criteria(), form.comment());
            return Pages.seeOther("/staff/applications/scoring?scored=" + item.reference());
        } catch (InvalidInputException e) {
            List<FieldError> onPage = new ArrayList<>();
            e.errors().forEach(err -> onPage.add(new FieldError(err.field().replace("criteria.", ""), err.message())));
            return Pages.invalid("experts/admin/score", model(item, form.criteria()), onPage);
        } catch (ProblemException e) {
            return Pages.seeOther("/staff/applications/scoring/" + id);
        }
    }

    private static ScoringPages.ScorePage model(ScoringItem item, Map<String, Integer> chosen) {
        return new ScoringPages.ScorePage(item.id().toString(), item.reference(), labels(item.experiences()),
                item.experienceStory() == null ? "" : item.experienceStory(),
                item.motivation() == null ? "" : item.motivation(),
                item.availability() == null ? "Not given" : item.availability(), item.yourScore(),
                Arrays.stream(Criterion.values()).map(c -> Map.<String, Object>of(
                        "key", c.key(), "label", c.label(),
                        "value", chosen.containsKey(c.key()) ? String.valueOf(chosen.get(c.key())) : "",
                        "items", List.of(item("1"), item("2"), item("3"), item("4"), item("5")))).toList());
    }

    private static Map<String, Object> item(String value) {
        return Map.of("value", value, "text", value);
    }

    static String labels(List<String> codes) {
        return String.join(", ", codes.stream().map(c -> {
            Experience e = Experience.parse(c);
            return e == null ? c : e.label();
        }).toList());
    }

    private static UUID scorer(Authentication who) {
        return UUID.fromString(who.getName());
    }

    /** Whether flagged applications exist for this reader ({@link Viewer#seesFlagged()}). */
    private static boolean seesFlagged(Authentication who) {
        return Viewer.of(who).seesFlagged();
    }
}
