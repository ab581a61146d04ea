package org.carereview.consult.web.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import org.carereview.consult.web.words.Words;
import org.carereview.consult.core.security.CsrfToken;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.requests.RequestId;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Browsers get a GOV.UK error page, in plain words, never a stack trace. The words are chosen by status (and
 * for a refused form, by why) as keys of {@code i18n/pages.properties} ({@code pages.error.*}), so the page comes
 * in the version of the words the person chose.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
final class GovukErrorPage implements HtmlErrorResponseBodyProvider {

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    private final String contactEmail;

    private final HttpLocaleResolver locales;

    GovukErrorPage(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views,
                   @Value("${consult.contact-email:}") String contactEmail, HttpLocaleResolver locales) {
        this.views = views;
        this.locales = locales;
        this.contactEmail = contactEmail == null ? "" : contactEmail.trim();
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        Wording wording = wording(status, CsrfToken.refused(context.getRequest()),
                response.getHeaders().get(HttpHeaders.RETRY_AFTER));
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("heading", wording.heading());
        model.put("message", wording.message());
        model.put("messageArg", wording.arg());
        model.put("csrfToken", CsrfToken.of(context.getRequest()));
        model.put("wordsSwitch", Words.switchFor(context.getRequest(), locales));
        RequestId.of(context.getRequest()).ifPresent(id -> model.put("requestId", id));
        if (!contactEmail.isEmpty()) {
            model.put("contactEmail", contactEmail);
        }
        Writable page = views.render("error", model, context.getRequest());
        StringWriter out = new StringWriter();
        try {
            page.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The keys of an error page's heading and message, and what fills the message's {0} (or null). */
    record Wording(String heading, String message, @Nullable Object arg) {
        Wording(String heading, String message) {
            this(heading, message, null);
        }
    }

    /**
     * The words for a status: {@code csrfRefused} when a form was refused because its token was missing or old,
     * {@code retryAfter} the seconds a 429 asks the person to wait (null when not known).
     */
    static Wording wording(int status, boolean csrfRefused, @Nullable String retryAfter) {
        if (status == 403 && csrfRefused) {
            return new Wording("pages.error.expired.heading", "pages.error.expired.message");
        }
        if (status == 429) {
            return retryAfter != null && retryAfter.matches("\\d+")
                    ? new Wording("pages.error.429.heading", "pages.error.429.message", retryAfter)
                    : new Wording("pages.error.429.heading", "pages.error.429.messageNoWait");
        }
        return switch (status) {
            case 404 -> new Wording(Pages.NOT_FOUND_HEADING, Pages.NOT_FOUND_MESSAGE);
            case 403, 401, 413, 503 -> new Wording("pages.error." + status + ".heading", "pages.error." + status + ".message");
            case 400, 405, 415, 422 -> new Wording("pages.error.request.heading", "pages.error.request.message");
            default -> status >= 500
                    ? new Wording("pages.error.500.heading", "pages.error.500.message")
                    : new Wording("pages.error.other.heading", "pages.error.other.message");
        };
    }
}
