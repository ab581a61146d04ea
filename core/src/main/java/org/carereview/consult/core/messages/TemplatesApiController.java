package org.carereview.consult.core.messages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.notifications.MessageTemplate;
import org.carereview.consult.notifications.MessageTemplates;
import org.carereview.consult.notifications.TemplateEditRefused;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administrators read and edit the message templates; every save is a new version, the old ones kept. */
@Controller("/api/v1/admin/templates")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplatesApiController {

    @Serdeable
    record Edit(@Nullable String subject, @Nullable String body, @Nullable Integer version) {
    }

    @Serdeable
    record WithHistory(MessageTemplate template, List<MessageTemplate.Version> history) {
    }

    private final MessageTemplates templates;

    private final AuditLog audit;

    TemplatesApiController(MessageTemplates templates, AuditLog audit) {
        this.templates = templates;
        this.audit = audit;
    }

    @NotAudited("message templates staff wrote")
    @Get
    Map<String, List<MessageTemplate>> list() {
        return Map.of("items", templates.list());
    }

    @NotAudited("a message template staff wrote, with its history")
    @Get("/{id}")
    WithHistory read(@PathVariable String id) {
        MessageTemplate template = templates.find(id).orElseThrow(TemplatesApiController::notFound);
        return new WithHistory(template, templates.history(id));
    }

    /** {@code version} is the one the editor started from: a change saved since then is never overwritten (409). */
    @Put("/{id}")
    MessageTemplate edit(@PathVariable String id, @Body Edit edit, Authentication who) {
        templates.find(id).orElseThrow(TemplatesApiController::notFound);
        if (edit.version() == null) {
            throw new InvalidInputException("version", "Give the version you started from");
        }
        try {
            MessageTemplate saved = templates.update(id, edit.subject(), edit.body(), edit.version(),
                    UUID.fromString(who.getName()));
            audit.record(UUID.fromString(who.getName()), AuditAction.SETTING_CHANGE, null, "template=" + id);
            return saved;
        } catch (TemplateEditRefused refused) {
            throw asProblem(refused);
        }
    }

    /** A stale version is a conflict (409); anything else wrong is invalid input (422) naming the field. */
    static RuntimeException asProblem(TemplateEditRefused refused) {
        List<MessageTemplate.Problem> problems = refused.problems();
        if (problems.size() == 1 && problems.get(0).field().equals("version")) {
            return new ProblemException(HttpStatus.CONFLICT, "template-changed", "Changed by someone else",
                    problems.get(0).message());
        }
        return new InvalidInputException(problems.stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such message template.");
    }
}
