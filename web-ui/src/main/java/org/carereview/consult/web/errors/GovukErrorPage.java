package org.carereview.consult.web.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.Writable;
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

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Browsers get a GOV.UK error page, in plain words, never a stack trace. */
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
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("heading", heading(status));
        model.put("message", message(context, status));
        model.put("csrfToken", CsrfToken.of(context.getRequest()));
        model.put("wordsSwitch", Words.switchFor(context.getRequest(), locales));
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

    static String heading(int status) {
        return switch (status) {
            case 404 -> Pages.NOT_FOUND_HEADING;
            case 403 -> "You cannot do that here";
            case 401 -> "You need to sign in";
            case 405, 415, 400, 422 -> "Sorry, something was wrong with that request";
            default -> status >= 500 ? "Sorry, there is a problem with the service" : "Sorry, something went wrong";
        };
    }

    static String message(ErrorContext context, int status) {
        if (status == 403) {
            return context.getErrors().stream().findFirst()
                    .map(io.micronaut.http.server.exceptions.response.Error::getMessage)
                    .orElse("You do not have permission to view this page.");
        }
        if (status == 404) {
            return Pages.NOT_FOUND_MESSAGE;
        }
        if (status >= 500) {
            return "Try again later. If you sent something and saw a reference, it has been received.";
        }
        return "Go back and try again.";
    }
}
