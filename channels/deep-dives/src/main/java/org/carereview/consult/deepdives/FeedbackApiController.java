package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;

import java.net.URI;
import java.util.List;

/** Facilitators enter what they heard: one card, many cards, or a CSV file (all or nothing). */
@Controller("/api/v1/deep-dives")
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedbackApiController {

    @Serdeable
    record BulkInput(@Nullable List<FeedbackInput> cards) {
    }

    /** What an Idempotency-Key of an import stands for. */
    @Serdeable
    record CsvRequest(@Nullable String sessionId, @Nullable String csv) {
    }

    private final Feedback feedback;
    private final Idempotency idempotency;

    FeedbackApiController(Feedback feedback, Idempotency idempotency) {
        this.feedback = feedback;
        this.idempotency = idempotency;
    }

    @Post("/areas/{slug}/feedback")
    @Status(HttpStatus.CREATED)
    HttpResponse<FeedbackReceipt> enter(@PathVariable String slug, @Body FeedbackInput input, Authentication who,
                                        @Nullable @Header(Idempotency.HEADER) String key) {
        return HttpResponse.created(idempotency.run("deep-dive-card:" + slug, key, input, FeedbackReceipt.class,
                () -> feedback.byFacilitator(slug, input, Staff.id(who))).body(), counted(slug));
    }

    /** {@code {cards: [feedback, ...]}}: every card stored, or none (422 naming each bad card as {@code cards[i]}). */
    @Post("/areas/{slug}/feedback/bulk")
    @Status(HttpStatus.CREATED)
    HttpResponse<BulkReceipt> bulk(@PathVariable String slug, @Body BulkInput input, Authentication who,
                                   @Nullable @Header(Idempotency.HEADER) String key) {
        return HttpResponse.created(idempotency.run("deep-dive-bulk:" + slug, key, input, BulkReceipt.class,
                () -> feedback.bulk(slug, input.cards(), Staff.id(who))).body(), counted(slug));
    }

    /** A CSV file (see the template): every card stored, or none (422 naming each bad line as {@code lines[n]}). */
    @Post(value = "/areas/{slug}/feedback/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Status(HttpStatus.CREATED)
    HttpResponse<BulkReceipt> importCsv(@PathVariable String slug, @Nullable @Body String csv,
                                        @Nullable @QueryValue String sessionId, Authentication who,
                                        @Nullable @Header(Idempotency.HEADER) String key) {
        return HttpResponse.created(idempotency.run("deep-dive-csv:" + slug, key,
                new CsvRequest(sessionId, csv), BulkReceipt.class,
                () -> feedback.importCsv(slug, sessionId, csv, Staff.id(who))).body(), counted(slug));
    }

    /** Cards have no address to read one at: the Location of new ones is the area's summary, where they count. */
    private static URI counted(String slug) {
        return URI.create("/api/v1/deep-dives/areas/" + slug + "/summary");
    }

    @NotAudited("an empty template")
    @Get(value = "/feedback-template.csv", produces = "text/csv")
    HttpResponse<String> template() {
        return HttpResponse.ok(FeedbackCsv.template())
                .header("Content-Disposition", "attachment; filename=\"deep-dive-feedback-template.csv\"");
    }
}
