package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.Links;
import org.carereview.consult.deepdives.ParticipantLink;
import org.carereview.consult.web.Pages;

import java.util.Optional;
import java.util.UUID;

/** Staff make a participant link, print its handout with a QR code, and close it when the session is over. */
@Controller("/staff/deep-dives")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class LinkPagesController {

    /** A participant link's handout ({@code deepdives/handout}): the link, its session's name, its QR code as SVG. */
    @Introspected
    record HandoutPage(ParticipantLink link, String session, String qr) {
    }

    @Serdeable
    record LinkForm(@Nullable String sessionId) {
    }

    private final Areas areas;
    private final Links links;

    LinkPagesController(Areas areas, Links links) {
        this.areas = areas;
        this.links = links;
    }

    @Post("/areas/{slug}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> make(@PathVariable String slug, @Body LinkForm form, Authentication who) {
        if (areas.find(slug).isEmpty()) {
            return Pages.notFound();
        }
        try {
            ParticipantLink link = links.create(slug, form.sessionId(), UUID.fromString(who.getName()));
            return Pages.seeOther("/staff/deep-dives/links/" + link.token());
        } catch (InvalidInputException e) {
            return Pages.error(HttpStatus.UNPROCESSABLE_ENTITY, "That session is not one of this area's",
                    "Go back to the area's page and choose one of its sessions.");
        }
    }

    /** The handout: what the link is for, its QR code and its address, ready to print. */
    @NotAudited("a link's handout to print")
    @Get("/links/{token}")
    HttpResponse<?> handout(@PathVariable String token) {
        Optional<ParticipantLink> link = links.find(token);
        if (link.isEmpty()) {
            return Pages.notFound();
        }
        ParticipantLink l = link.get();
        return HttpResponse.ok(Pages.view("deepdives/handout", new HandoutPage(l,
                l.session() == null ? "" : l.session(),
                // Drawn by QrSvg from our own link address; nothing anyone typed is in it, so it is written as markup.
                links.qrSvg(token))));
    }

    @Post("/links/{token}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(@PathVariable String token) {
        Optional<ParticipantLink> link = links.find(token);
        if (link.isEmpty()) {
            return Pages.notFound();
        }
        links.revoke(token);
        return Pages.seeOther("/staff/deep-dives/areas/" + link.get().area() + "?done=closed");
    }
}
