package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.auth.StaffSessions;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.web.Pages;


/**
 * What the "you will be signed out soon" warning asks: how long this session has left (asking does not count as
 * using the service), and "Stay signed in" (which does). The page a timed-out member of staff lands on.
 */
@Controller
class StaffSessionController {

    @Serdeable
    record TimeLeft(long secondsLeft) {
    }

    private final StaffSessions sessions;

    StaffSessionController(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @NotAudited("how long the session has left")
    @Get("/staff/session/time-left")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly
    HttpResponse<TimeLeft> timeLeft(Authentication who) {
        return HttpResponse.ok(new TimeLeft(sessions.secondsLeft(who)));
    }

    /** The session filter renews the cookie on this path whatever the token's age. */
    @Post("/staff/session/keep")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly
    HttpResponse<TimeLeft> keep() {
        return HttpResponse.ok(new TimeLeft(sessions.idleTimeout().toSeconds()));
    }

    /**
     * The page after a session ran out ({@code staff/signed-out}): how long a session lasts idle, and (as every page
     * that has just signed the person out) {@code signedOut}, so the header shows no one signed in.
     */
    @Introspected
    record SignedOutPage(long minutes, boolean signedOut) {
    }

    /**
     * Where the warning sends a member of staff when the time is up. The browser's cookie is cleared (its token has
     * run out or is about to) and the page shows no one signed in.
     */
    @NotAudited("a page that says the session ended")
    @Get("/staff/signed-out")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signedOut(HttpRequest<?> request) {
        return HttpResponse.ok(Pages.view("staff/signed-out",
                new SignedOutPage(sessions.idleTimeout().toMinutes(), true))).cookie(AuthCookies.signOut(request));
    }
}
