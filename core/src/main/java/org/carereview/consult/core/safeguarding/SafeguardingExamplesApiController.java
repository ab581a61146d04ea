package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.routes.LeadOnly;
import org.carereview.consult.core.routes.LeadOrAdmin;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.PersonalData;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The safeguarding lead teaches the learned check with examples; administrators may read them. */
@Controller("/api/v1/safeguarding/examples")
@ExecuteOn(TaskExecutors.BLOCKING)
class SafeguardingExamplesApiController {

    @Serdeable
    record ExampleInput(@Nullable String text, @Nullable String label) {
    }

    @Serdeable
    record Listing(Map<String, Integer> counts, List<SafeguardingExamples.Example> items) {
    }

    private final SafeguardingExamples examples;
    private final AuditLog audit;

    SafeguardingExamplesApiController(SafeguardingExamples examples, AuditLog audit) {
        this.examples = examples;
        this.audit = audit;
    }

    /** The examples the lead gave and the counter-examples, newest first, and how many there are of each kind. */
    @PersonalData
    @Get
    @LeadOrAdmin
    Listing list(Authentication who) {
        Listing listing = new Listing(examples.counts(), examples.given(500));
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "safeguarding examples",
                listing.items().size());
        return listing;
    }

    @NotAudited("who added or removed an example, when: ids and labels, no text")
    @Get("/history")
    @LeadOrAdmin
    Map<String, List<SafeguardingExamples.Change>> history() {
        return Map.of("items", examples.history(500));
    }

    /** Adds an example: {@code {text, label}}, label DISCLOSURE or ORDINARY. */
    @Post
    @Status(HttpStatus.CREATED)
    @LeadOnly
    HttpResponse<SafeguardingExamples.Example> add(@Body ExampleInput input, Authentication who) {
        SafeguardingExamples.Example added = examples.add(input.text(), input.label(), UUID.fromString(who.getName()));
        return HttpResponse.created(added, URI.create("/api/v1/safeguarding/examples/" + added.id()));
    }

    @Delete("/{id}")
    @LeadOnly
    @Status(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id, Authentication who) {
        examples.remove(id, UUID.fromString(who.getName()));
    }
}
