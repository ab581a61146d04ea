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
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.LeadOnly;
import org.carereview.consult.core.routes.LeadOrAdmin;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.safeguarding.SafeguardingExamples;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.carereview.consult.web.pages.GovukItems.item;

/**
 * The safeguarding lead teaches the screening's learned check with examples: one that tells of harm now, and one
 * that only talks about harm; removes an example; sees how many there are of each kind and every change.
 * Administrators can read the page. (The lead also adds an example from a flagged submission: "Remove the flag:
 * this is not a disclosure" on the submission's page.)
 */
@Controller("/staff/safeguarding/examples")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExamplesController {

    @Serdeable
    record ExampleForm(@Nullable String text, @Nullable String label, @Nullable String id) {
    }

    private static final String PATH = "/staff/safeguarding/examples";
    private static final int SHOWN = 200;
    private static final int HISTORY = 20;
    /** Success messages by the code in the address: nothing from the address is shown as it is. */
    private static final Map<String, String> SAVED = Map.of(
            "added", "Example added. The screening learns from it on every server within a minute.",
            "removed", "Example removed. The screening stops learning from it on every server within a minute.");
    private static final Map<String, String> SOURCES = Map.of(
            "SEED", "Shipped with the service",
            "LEAD", "Given by the safeguarding lead",
            "UNFLAGGED", "From flags removed as not a disclosure");
    private static final Map<String, String> KINDS = Map.of(
            "DISCLOSURE", "Tells of harm",
            "ORDINARY", "Only talks about harm");
    private static final List<Map<String, Object>> LABELS = List.of(
            item("DISCLOSURE", "Yes, it tells of harm",
                    "Harm to the writer or a child happening now, or a risk of it. For example: my stepdad hits me "
                            + "when mum is out"),
            item("ORDINARY", "No, it only talks about harm",
                    "It uses the same words but tells of no harm now. For example: children in care should be "
                            + "asked if anyone hits them"));

    private final SafeguardingExamples examples;

    private final AuditLog audit;

    ExamplesController(SafeguardingExamples examples, AuditLog audit) {
        this.audit = audit;
        this.examples = examples;
    }

    @PersonalData
    @Get
    @LeadOrAdmin
    HttpResponse<?> list(Authentication who, @Nullable @QueryValue String saved) {
        ExamplesPage page = model(who, new ExampleForm(null, null, null), saved == null ? null : SAVED.get(saved));
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "safeguarding examples page",
                page.given().size());
        return HttpResponse.ok(Pages.view("safeguarding/examples", page)).header("Cache-Control", "no-store");
    }

    @Post
    @LeadOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@Body ExampleForm form, Authentication who) {
        try {
            examples.add(form.text(), form.label(), UUID.fromString(who.getName()));
            return Pages.seeOther(PATH + "?saved=added");
        } catch (InvalidInputException e) {
            return Pages.invalid("safeguarding/examples", model(who, form, null), e.errors());
        }
    }

    @Post("/remove")
    @LeadOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@Body ExampleForm form, Authentication who) {
        UUID id;
        try {
            id = UUID.fromString(form.id() == null ? "" : form.id().strip());
        } catch (IllegalArgumentException notAnId) {
            return Pages.notFound();
        }
        try {
            examples.remove(id, UUID.fromString(who.getName()));
        } catch (ProblemException gone) {
            return Pages.notFound();
        }
        return Pages.seeOther(PATH + "?saved=removed");
    }

    private ExamplesPage model(Authentication who, ExampleForm form, @Nullable String saved) {
        return new ExamplesPage(Viewer.of(who).has(Role.SAFEGUARDING_LEAD), form, saved,
                SafeguardingExamples.MAX_LENGTH, LABELS, counts(examples.counts()),
                examples.given(SHOWN).stream().map(e -> Map.<String, Object>of(
                        "id", e.id().toString(),
                        "lines", lines(e.text()),
                        "short", shorten(e.text()),
                        "kind", KINDS.getOrDefault(e.label(), e.label()),
                        "from", SOURCES.getOrDefault(e.source(), e.source()),
                        "when", UkTime.moment(e.addedAt()))).toList(), SHOWN,
                examples.history(HISTORY).stream().map(c -> Map.<String, Object>of(
                        "change", "REMOVED".equals(c.change()) ? "Removed" : "Added",
                        "kind", KINDS.getOrDefault(c.label(), c.label()),
                        "from", SOURCES.getOrDefault(c.source(), c.source()),
                        "when", UkTime.moment(c.changedAt()))).toList());
    }

    /**
     * The learned check's examples ({@code safeguarding/examples}): whether the reader is the lead (who may add and
     * remove them), the form as filled in, what was just saved (or null), the longest example, the two labels to
     * choose from, counts by source and label, the newest examples given (up to {@code shown}), and the last changes.
     */
    @Introspected
    record ExamplesPage(boolean lead, ExampleForm form, @Nullable String saved, int maxLength,
                        List<Map<String, Object>> labelItems, List<Map<String, Object>> counts,
                        List<Map<String, Object>> given, int shown, List<Map<String, Object>> changes) {
    }

    /** One row per source, with how many of each kind and in all, and a row of totals. */
    private static List<Map<String, Object>> counts(Map<String, Integer> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int disclosures = 0;
        int ordinary = 0;
        for (String source : List.of("SEED", "LEAD", "UNFLAGGED")) {
            int d = counts.getOrDefault(source + " DISCLOSURE", 0);
            int o = counts.getOrDefault(source + " ORDINARY", 0);
            disclosures += d;
            ordinary += o;
            rows.add(Map.of("source", SOURCES.get(source), "disclosure", d, "ordinary", o, "total", d + o));
        }
        rows.add(Map.of("source", "All examples", "disclosure", disclosures, "ordinary", ordinary,
                "total", disclosures + ordinary));
        return rows;
    }

    /** The start of an example, to name it in its Remove button for screen readers. */
    static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57).strip() + "...";
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
