package org.carereview.consult.core.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.MagicLinks;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.ratelimit.RateLimiter;

/**
 * Contributors' sign-in for API clients: ask for an emailed link (202 whatever the address), then
 * trade the link's token for a bearer token. Pages use {@code /sign-in} instead, which sets the cookie.
 */
@Controller("/api/v1/auth/magic-link")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class MagicLinkApiController {

    @Serdeable
    record LinkRequest(@Nullable String email) {
    }

    @Serdeable
    record Redemption(@Nullable String token) {
    }

    private final MagicLinks links;
    private final TokenIssuer issuer;
    private final RateLimiter rateLimiter;

    MagicLinkApiController(MagicLinks links, TokenIssuer issuer, RateLimiter rateLimiter) {
        this.links = links;
        this.issuer = issuer;
        this.rateLimiter = rateLimiter;
    }

    /** Counted like any public post, so nobody can make the service email an address over and over. */
    @Post
    HttpResponse<Void> request(HttpRequest<?> request, @Body LinkRequest body) {
        rateLimiter.check("public-post", request);
        links.request(body.email());
        return HttpResponse.accepted();
    }

    @Post("/redeem")
    IssuedToken redeem(@Body Redemption body) {
        return links.redeem(body.token()).map(issuer::issue)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-link",
                        "This sign-in link has expired",
                        "Sign-in links work once, for 15 minutes. Ask for a new one."));
    }
}
