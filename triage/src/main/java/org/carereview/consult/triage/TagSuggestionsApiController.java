package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Suggested themes and dilemmas (ADR 0035): a submission's suggestions with their reasons, a person's decision on
 * one, and the same decision for many submissions that have an open suggestion of one code.
 */
@Controller("/api/v1/triage")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly
class TagSuggestionsApiController {

    /** The submissions decided at once. */
    @Serdeable
    record Decided(List<UUID> decided) {
    }

    private final TagSuggestions suggestions;

    TagSuggestionsApiController(TagSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @PersonalData
    @Get("/submissions/{id}/suggestions")
    List<TagSuggestions.View> of(@PathVariable UUID id, Authentication who) {
        return suggestions.read(id, Viewer.of(who));
    }

    /** {@code frame} is theme or dilemma, {@code code} one of its codes; 409 when no open suggestion of it remains. */
    @Post("/submissions/{id}/suggestions/{frame}/{code}/accept")
    @Status(HttpStatus.NO_CONTENT)
    void accept(@PathVariable UUID id, @PathVariable String frame, @PathVariable String code, Authentication who) {
        suggestions.accept(id, frame, code, Viewer.of(who));
    }

    @Post("/submissions/{id}/suggestions/{frame}/{code}/reject")
    @Status(HttpStatus.NO_CONTENT)
    void reject(@PathVariable UUID id, @PathVariable String frame, @PathVariable String code, Authentication who) {
        suggestions.reject(id, frame, code, Viewer.of(who));
    }

    /**
     * Submissions the caller may see with an open suggestion of the code, most confident first (at most 200); without
     * a code, of any code of the frame; without either, of any code.
     */
    @PersonalData
    @Get("/suggestions")
    List<TagSuggestions.Candidate> open(@Nullable @QueryValue String frame, @Nullable @QueryValue String code,
                                        Authentication who) {
        return suggestions.open(frame, code, Viewer.of(who));
    }

    /** {@code {frame, code, accept: true|false, ids}}: the same decision for each; answers those decided. */
    @Post("/suggestions/decisions")
    Decided decide(@Nullable @Body JsonNode body, Authentication who) {
        JsonFields fields = new JsonFields(body);
        String frame = fields.string("frame");
        String code = fields.string("code");
        Boolean accept = fields.bool("accept");
        List<String> given = fields.strings("ids");
        fields.check();
        if (accept == null) {
            throw new InvalidInputException("accept", "Give true to accept or false to reject");
        }
        List<UUID> ids = new ArrayList<>();
        for (String id : given == null ? List.<String>of() : given) {
            try {
                ids.add(UUID.fromString(id == null ? "" : id.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("ids", "Every id must be a submission id");
            }
        }
        return new Decided(suggestions.decideAll(ids, frame, code, accept, Viewer.of(who)));
    }
}
