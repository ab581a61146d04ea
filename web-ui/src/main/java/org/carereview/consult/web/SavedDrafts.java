package org.carereview.consult.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.carereview.consult.core.draft.ChannelDraft;
import org.carereview.consult.core.draft.ChannelDrafts;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.time.UkTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Save and come back later", the same in every public journey: the page with the resume code, "email me
 * a link", resuming by code (guesses slowed far below the general limit) or by the emailed link (a page
 * with a button, so a mail scanner cannot use the link up). Each journey gives its places, its channel's drafts
 * ({@link ChannelDrafts}) and the name under which its own words are in the bundles ({@code drafts.<name>.*} in
 * {@code i18n/drafts.properties}, {@code core.draft.code.notFound.<name>} in core's errors).
 */
public class SavedDrafts {

    public static final int GUESSES_PER_MINUTE = 10;

    /**
     * A journey's places and words: {@code base} is its start page, {@code resumeTo} where a resumed draft
     * opens, {@code emailBack} where "email me a link" goes back to; {@code words} names its own words in the
     * bundles ("advice" or "application": {@code drafts.advice.saved.warning}...).
     */
    public record Journey(String base, String resumeTo, String emailBack, String words) {
    }

    private final Journey journey;
    private final DraftCookie cookie;
    private final Duration lifetime;
    private final ChannelDrafts<?, ?> drafts;
    private final RateLimiter rateLimiter;

    protected SavedDrafts(Journey journey, DraftCookie cookie, ChannelDrafts<?, ?> drafts, RateLimiter rateLimiter) {
        this.journey = journey;
        this.cookie = cookie;
        this.lifetime = drafts.lifetime();
        this.drafts = drafts;
        this.rateLimiter = rateLimiter;
    }

    /** The page after "Save and come back later": the code, when the answers go, and a way to get a link. */
    public HttpResponse<?> saved(String code, Instant expires, String continuePath) {
        return HttpResponse.ok(Pages.view("drafts/saved",
                new DraftPages.Saved(journey, code, UkTime.day(expires), continuePath)));
    }

    public HttpResponse<?> resumeForm() {
        return HttpResponse.ok(Pages.view("drafts/resume", new DraftPages.Code(journey, "")));
    }

    public HttpResponse<?> resume(HttpRequest<?> request, @Nullable String given) {
        String code = given == null ? "" : given;
        try {
            rateLimiter.check("resume-code", request, GUESSES_PER_MINUTE);
        } catch (RateLimitedException e) {
            return Pages.withErrors(HttpStatus.TOO_MANY_REQUESTS, "drafts/resume", new DraftPages.Code(journey, code),
                            List.of(FieldError.of("code", "core.draft.code.tooMany", e.retryAfterSeconds())))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        if (code.isBlank()) {
            return Pages.invalid("drafts/resume", new DraftPages.Code(journey, code),
                    List.of(FieldError.of("code", "core.draft.code.missing")));
        }
        return drafts.resumeByCode(code).map(ChannelDraft::id)
                .<HttpResponse<?>>map(draft -> Pages.seeOther(resumeTo(draft)).cookie(cookie.set(draft, request)))
                .orElseGet(() -> Pages.invalid("drafts/resume", new DraftPages.Code(journey, code),
                        List.of(FieldError.of("code", "core.draft.code.notFound." + journey.words(), lifetime.toDays()))));
    }

    public HttpResponse<?> emailLink(HttpRequest<?> request, @Nullable String given) {
        Optional<UUID> draft = cookie.read(request).filter(id -> drafts.find(id).isPresent());
        if (draft.isEmpty()) {
            return Pages.seeOther(journey.base() + "?expired=1");
        }
        String email = given == null ? "" : given.strip();
        try {
            drafts.emailLink(draft.get(), email);
        } catch (InvalidInputException e) {
            return Pages.invalid("drafts/saved-email", new DraftPages.Email(journey, email), e.errors());
        }
        return HttpResponse.ok(Pages.view("drafts/link-sent", new DraftPages.Email(journey, email)));
    }

    public HttpResponse<?> linkLanding(String token) {
        return HttpResponse.ok(Pages.view("drafts/resume-link", new DraftPages.Link(journey, token)));
    }

    public HttpResponse<?> resumeByLink(HttpRequest<?> request, String token) {
        return drafts.resumeByLink(token).map(ChannelDraft::id)
                .<HttpResponse<?>>map(draft -> Pages.seeOther(resumeTo(draft)).cookie(cookie.set(draft, request)))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND).body(Pages.view("drafts/link-expired",
                        new DraftPages.Journeyed(journey))));
    }

    /** Where a draft opened with its code or emailed link lands; the journey's {@code resumeTo} unless a journey knows better. */
    protected String resumeTo(UUID draft) {
        return journey.resumeTo();
    }

    /**
     * "Forget my answers on this device": this browser no longer holds the draft; the draft stays on the
     * server for its lifetime, so a resume code or emailed link still brings it back.
     */
    public HttpResponse<?> forget(HttpRequest<?> request) {
        return Pages.seeOther(journey.base() + "/forgotten").cookie(cookie.clear(request));
    }

    public HttpResponse<?> forgotten() {
        return HttpResponse.ok(Pages.view("drafts/forgotten", new DraftPages.Forgotten(journey, lifetime.toDays())));
    }
}
