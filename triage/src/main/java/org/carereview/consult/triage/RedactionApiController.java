package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.redaction.Kind;
import org.carereview.consult.core.redaction.RedactedSubmission;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;

import java.util.UUID;

/**
 * One submission's answers as written and as redacted for scorers and reviewers' exports, and staff corrections to
 * the redaction (ADR 22). Reading shows the originals, so it is audited as a view; each correction is audited.
 */
@Controller("/api/v1/triage/submissions/{id}/redaction")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly
class RedactionApiController {

    private final Redactions redactions;

    RedactionApiController(Redactions redactions) {
        this.redactions = redactions;
    }

    @PersonalData
    @Get
    RedactedSubmission read(@PathVariable UUID id, Authentication who) {
        return redactions.open(id, Viewer.of(who)).orElseThrow(TriageActions::notFound);
    }

    /**
     * {@code {field, action: "REDACT", kind, words}} takes out every place the words appear in that answer;
     * {@code {field, action: "KEEP", start}} keeps as written what is taken out at that offset.
     */
    @Post("/corrections")
    RedactedSubmission correct(@PathVariable UUID id, @Nullable @Body JsonNode body, Authentication who) {
        JsonFields fields = new JsonFields(body);
        String field = fields.string("field");
        String action = fields.string("action");
        String kind = fields.string("kind");
        String words = fields.string("words");
        Integer start = fields.integer("start");
        fields.check();
        if (field == null) {
            throw new InvalidInputException("field", "Give the field name of the answer to correct");
        }
        Viewer viewer = Viewer.of(who);
        if ("REDACT".equals(action)) {
            return redactions.takeOut(id, viewer, field, Kind.parse(kind, "kind"), words)
                    .orElseThrow(TriageActions::notFound);
        }
        if ("KEEP".equals(action)) {
            if (start == null) {
                throw new InvalidInputException("start", "Give the start of the words to keep");
            }
            return redactions.keep(id, viewer, field, start).orElseThrow(TriageActions::notFound);
        }
        throw new InvalidInputException("action", "Give action as REDACT or KEEP");
    }

    /** Undoes a correction: {@code index} as numbered in the answer's {@code corrections}. */
    @Delete("/corrections/{field}/{index}")
    RedactedSubmission undo(@PathVariable UUID id, @PathVariable String field, @PathVariable String index,
                            Authentication who) {
        int n;
        try {
            n = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("index", "Give the correction's number");
        }
        return redactions.undo(id, Viewer.of(who), field, n).orElseThrow(TriageActions::notFound);
    }
}
