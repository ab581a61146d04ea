package org.carereview.consult.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import org.carereview.consult.core.auth.StaffSessions;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.security.CsrfToken;
import org.carereview.consult.web.requests.RequestId;
import org.carereview.consult.web.words.PublicWords;
import org.carereview.consult.web.words.Words;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adds what the layout needs to every page: the CSRF token for forms, who is signed in, the review's contact
 * address ({@code consult.contact-email}) when one is set (without it the pages say how else to reach the review),
 * and, on a journey's pages while this browser holds that journey's draft cookie, where "Forget my answers on this
 * device" posts, and on public pages the link to the other version of the words ({@link Words}).
 */
@Singleton
final class PageModel implements ViewModelProcessor<Map<String, Object>> {

    /** How long before a staff session ends the warning opens. */
    static final Duration WARN_BEFORE = Duration.ofMinutes(2);

    private final String contactEmail;
    private final HttpLocaleResolver locales;
    private final PublicWords words;
    private final StaffSessions sessions;

    PageModel(@Value("${consult.contact-email:}") String contactEmail, HttpLocaleResolver locales, PublicWords words,
              StaffSessions sessions) {
        this.contactEmail = contactEmail == null ? "" : contactEmail.trim();
        this.locales = locales;
        this.words = words;
        this.sessions = sessions;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        decorate(request, model);
        model.putIfAbsent("wordsSwitch", Words.switchFor(request, locales));
        if (model.get(Pages.FIELD_ERRORS) instanceof List<?> errors && !errors.isEmpty()) {
            Locale locale = locales.resolveOrDefault(request);
            Pages.putErrors(model, errors.stream().map(FieldError.class::cast).toList(), e -> words.word(e, locale));
        }
        if (!contactEmail.isEmpty()) {
            model.putIfAbsent("contactEmail", contactEmail);
        }
        if (!Boolean.TRUE.equals(model.get(Pages.SIGNED_OUT))) {
            sessionTimeout(request).ifPresent(t -> model.putIfAbsent("sessionTimeout", t));
        }
        modelAndView.setModel(model);
    }

    /** For a member of staff's browser session: when the "you will be signed out soon" warning is due. */
    private Optional<Map<String, Long>> sessionTimeout(HttpRequest<?> request) {
        if (!StaffSessions.isBrowserSession(request)) {
            return Optional.empty();
        }
        return request.getUserPrincipal(Authentication.class).filter(StaffSessions::isStaff)
                .map(who -> Map.of("secondsLeft", sessions.secondsLeftAfterThisRequest(who),
                        "warnSeconds", WARN_BEFORE.toSeconds()));
    }

    static void decorate(HttpRequest<?> request, Map<String, Object> model) {
        model.putIfAbsent("csrfToken", CsrfToken.of(request));
        RequestId.of(request).ifPresent(id -> model.putIfAbsent("requestId", id));
        DraftCookie.heldFor(request).ifPresent(c -> model.putIfAbsent("forgetAction", c.forgetPath()));
        Optional<Authentication> user = request.getUserPrincipal(Authentication.class)
                .filter(signedIn -> !Boolean.TRUE.equals(model.get(Pages.SIGNED_OUT)));
        user.ifPresent(a -> model.putIfAbsent("currentUser", Map.of(
                "email", String.valueOf(a.getAttributes().get("email")),
                "staff", StaffSessions.isStaff(a))));
    }
}
