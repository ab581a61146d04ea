package org.carereview.consult.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a page completely before any byte is sent. Thymeleaf's own renderer writes while the
 * response is being sent, so a template error left the browser waiting forever; rendered up front, the
 * error becomes the service's error page like any other failure.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
final class EagerViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    EagerViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                       ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
