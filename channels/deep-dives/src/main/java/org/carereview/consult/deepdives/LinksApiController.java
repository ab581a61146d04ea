package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.core.safeguarding.Screening;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Participant links: staff make, list and close them; anyone holding one gives feedback through it. */
@Controller("/api/v1/deep-dives")
@ExecuteOn(TaskExecutors.BLOCKING)
class LinksApiController {

    @Serdeable
    record LinkRequest(@Nullable String sessionId) {
    }

    private final Links links;
    private final Feedback feedback;
    private final Idempotency idempotency;
    private final RateLimiter rateLimiter;

    LinksApiController(Links links, Feedback feedback, Idempotency idempotency, RateLimiter rateLimiter) {
        this.links = links;
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
    }

    @Post("/areas/{slug}/links")
    @Status(HttpStatus.CREATED)
    @StaffOnly
    HttpResponse<ParticipantLink> create(@PathVariable String slug, @Nullable @Body LinkRequest body, Authentication who) {
        ParticipantLink link = links.create(slug, body == null ? null : body.sessionId(), Staff.id(who));
        return HttpResponse.created(link, URI.create("/api/v1/deep-dives/links/" + link.token()));
    }

    @NotAudited("participant links: sessions and tokens, no one's data")
    @Get("/areas/{slug}/links")
    @StaffOnly
    Map<String, List<ParticipantLink>> list(@PathVariable String slug) {
        return Map.of("items", links.list(slug));
    }

    /** Closes the link; feedback through it is refused from now on. */
    @Delete("/links/{token}")
    @StaffOnly
    @Status(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String token) {
        links.revoke(token);
    }

    @NotAudited("a link's QR code")
    @Get(value = "/links/{token}/qr.svg", produces = "image/svg+xml")
    @StaffOnly
    String qr(@PathVariable String token) {
        return links.qrSvg(token);
    }

    /**
     * Anyone with the link: 404 if it is unknown or closed; a replay (same Idempotency-Key) gets its stored answer
     * and counts nothing against the rate limit. The key is also recorded with the card under a unique key, so one
     * key is one card.
     */
    @Post("/links/{token}/feedback")
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<FeedbackReceipt> give(HttpRequest<?> request, @PathVariable String token, @Body FeedbackInput input,
                                       @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        links.open(token).orElseThrow(Links::notFound);
        FeedbackReceipt receipt;
        try (Screening.Ahead ahead = rateLimiter.full("public-post", request) ? Screening.Ahead.NONE
                : feedback.screenAhead(input)) {
            receipt = idempotency.run("deep-dive-link:" + token, idempotencyKey, input, FeedbackReceipt.class,
                    () -> rateLimiter.counted("public-post", request,
                            () -> feedback.viaLink(token, idempotencyKey, input, null))).body();
        }
        // A card has no address to read it at (the participant reads nothing back): where it was added.
        return HttpResponse.created(receipt, URI.create("/api/v1/deep-dives/links/" + token + "/feedback"));
    }
}
