package org.carereview.consult.web.messages;

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
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.notifications.MessageTemplate;
import org.carereview.consult.notifications.MessageTemplates;
import org.carereview.consult.notifications.TemplateEditRefused;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Administrators edit the emails the service sends (receipts, links, outcomes), with every version kept. */
@Controller("/staff/admin/messages")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class MessageTemplatesController {

    @Serdeable
    record EditForm(@Nullable String subject, @Nullable String body, @Nullable Integer version) {
    }

    @Serdeable
    record RestoreForm(@Nullable Integer restore, @Nullable Integer version) {
    }

    private final MessageTemplates templates;

    private final AuditLog audit;

    MessageTemplatesController(MessageTemplates templates, AuditLog audit) {
        this.audit = audit;
        this.templates = templates;
    }

    @NotAudited("message templates staff wrote")
    @Get
    HttpResponse<?> list() {
        List<List<Map<String, Object>>> rows = templates.list().stream().map(t -> List.of(
                GovukItems.linkCell(t.purpose(), "/staff/admin/messages/" + t.id()), GovukItems.cell(t.subject()),
                GovukItems.cell(UkTime.moment(t.updatedAt()) + " (version " + t.version() + ")"))).toList();
        return HttpResponse.ok(Pages.view("messages/list",
                new TemplatesPage(GovukItems.columns("What it is for", "Subject line", "Last changed"), rows)));
    }

    @NotAudited("a message template staff wrote")
    @Get("/{id}")
    HttpResponse<?> show(@PathVariable String id, @Nullable @QueryValue String saved) {
        return templates.find(id)
                .<HttpResponse<?>>map(t -> HttpResponse.ok(Pages.view("messages/edit",
                        model(t, t.subject(), t.body(), t.version(), saved != null))))
                .orElseGet(() -> Pages.notFound());
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String id, @Body EditForm form, Authentication who) {
        Optional<MessageTemplate> current = templates.find(id);
        if (current.isEmpty()) {
            return Pages.notFound();
        }
        int version = form.version() == null ? current.get().version() : form.version();
        try {
            templates.update(id, form.subject(), form.body(), version, UUID.fromString(who.getName()));
            audit.record(UUID.fromString(who.getName()), AuditAction.SETTING_CHANGE, null, "template=" + id);
            return Pages.seeOther("/staff/admin/messages/" + id + "?saved=1");
        } catch (TemplateEditRefused refused) {
            MessageTemplate latest = templates.find(id).orElseThrow();
            return Pages.invalid("messages/edit", model(latest, form.subject(), form.body(), version, false),
                    errors(refused));
        }
    }

    @Post("/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> restore(@PathVariable String id, @Body RestoreForm form, Authentication who) {
        Optional<MessageTemplate> current = templates.find(id);
        if (current.isEmpty() || form.restore() == null
                || templates.history(id).stream().noneMatch(v -> v.version() == form.restore())) {
            return Pages.notFound();
        }
        int version = form.version() == null ? current.get().version() : form.version();
        try {
            templates.restore(id, form.restore(), version, UUID.fromString(who.getName()));
            audit.record(UUID.fromString(who.getName()), AuditAction.SETTING_CHANGE, null, "template=" + id + " restored");
            return Pages.seeOther("/staff/admin/messages/" + id + "?saved=1");
        } catch (TemplateEditRefused refused) {
            MessageTemplate latest = current.get();
            return Pages.invalid("messages/edit", model(latest, latest.subject(), latest.body(), version, false),
                    errors(refused));
        }
    }

    /** A change saved by someone else first is shown at the subject line, the top of the form. */
    private static List<FieldError> errors(TemplateEditRefused refused) {
        return refused.problems().stream()
                .map(p -> new FieldError(p.field().equals("version") ? "subject" : p.field(), p.message()))
                .toList();
    }

    private EditPage model(MessageTemplate t, @Nullable String subject, @Nullable String body, int version,
                           boolean saved) {
        return new EditPage(t, subject, body, version, saved,
                String.join(", ", t.fields().stream().map(f -> "((" + f + "))").toList()),
                String.join(", ", t.required().stream().map(f -> "((" + f + "))").toList()),
                templates.history(t.id()).stream().map(v -> Map.<String, Object>of(
                        "version", v.version(), "subject", v.subject(),
                        "paragraphs", List.of(v.body().strip().split("\n\\s*\n")),
                        "savedAt", UkTime.moment(v.savedAt()),
                        "savedBy", v.savedBy() == null ? "the service (its first wording)" : v.savedBy(),
                        "current", v.version() == t.version())).toList());
    }
}
