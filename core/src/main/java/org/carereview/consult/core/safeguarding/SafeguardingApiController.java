package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.routes.LeadOnly;
import org.carereview.consult.core.routes.LeadOrAdmin;
import org.carereview.consult.core.routes.NotAudited;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The safeguarding lead keeps the phrase list; administrators may read it. */
@Controller("/api/v1/safeguarding/phrases")
@ExecuteOn(TaskExecutors.BLOCKING)
class SafeguardingApiController {

    @Serdeable
    record PhraseInput(@Nullable String phrase, @Nullable Integer weight) {
    }

    private final SafeguardingPhrases phrases;

    SafeguardingApiController(SafeguardingPhrases phrases) {
        this.phrases = phrases;
    }

    @NotAudited("the safeguarding phrases staff wrote: no one's words")
    @Get
    @LeadOrAdmin
    Map<String, List<SafeguardingPhrases.Phrase>> list() {
        return Map.of("items", phrases.list());
    }

    @NotAudited("changes to the phrases: the phrases staff wrote, no one's words")
    @Get("/history")
    @LeadOrAdmin
    Map<String, List<SafeguardingPhrases.Change>> history() {
        return Map.of("items", phrases.history(500));
    }

    /** Adds a phrase, or re-weights it: {@code {phrase, weight}}. */
    @Put
    @LeadOnly
    SafeguardingPhrases.Phrase put(@Body PhraseInput input, Authentication who) {
        return phrases.put(input.phrase(), input.weight(), UUID.fromString(who.getName()));
    }

    @Delete
    @LeadOnly
    @Status(HttpStatus.NO_CONTENT)
    void remove(@QueryValue String phrase, Authentication who) {
        phrases.remove(phrase, UUID.fromString(who.getName()));
    }
}
