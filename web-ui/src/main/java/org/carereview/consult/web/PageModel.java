package org.carereview.consult.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.security.CsrfToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adds what the layout needs to every page: the CSRF token for forms, who is signed in, the review's contact
 * address ({@code consult.contact-email}) when one is set (without it the pages say how else to reach the review),
 * and, on a journey's pages while this browser holds that journey's draft cookie, where "Forget my answers on this
 * device" posts.
 */
@Singleton
final class PageModel implements ViewModelProcessor<Map<String, Object>> {

    private final String contactEmail;

    PageModel(@Value("${consult.contact-email:}") String contactEmail) {
        this.contactEmail = contactEmail == null ? "" : contactEmail.trim();
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        decorate(request, model);
        if (!contactEmail.isEmpty()) {
            model.putIfAbsent("contactEmail", contactEmail);
        }
        modelAndView.setModel(model);
    }

    static void decorate(HttpRequest<?> request, Map<String, Object> model) {
        model.putIfAbsent("csrfToken", CsrfToken.of(request));
        DraftCookie.heldFor(request).ifPresent(c -> model.putIfAbsent("forgetAction", c.forgetPath()));
        Optional<Authentication> user = request.getUserPrincipal(Authentication.class);
        user.ifPresent(a -> model.putIfAbsent("currentUser", Map.of(
                "email", String.valueOf(a.getAttributes().get("email")),
                "staff", a.getRoles().stream().anyMatch(r -> !r.equals(Role.CONTRIBUTOR.name())))));
    }
}
