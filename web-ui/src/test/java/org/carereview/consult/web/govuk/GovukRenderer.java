package org.carereview.consult.web.govuk;

import org.thymeleaf.IEngineConfiguration;
import io.micronaut.views.thymeleaf.MessageSourceMessageResolver;
import org.carereview.consult.web.words.PublicWords;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.ICacheEntryValidity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A standalone Thymeleaf engine that reads the application's templates from {@code classpath:views/}
 * (as Micronaut does: suffix .html, HTML mode, OGNL), plus small in-memory templates named
 * {@code test/...} that call a fragment the way a page would.
 */
final class GovukRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final InMemoryTemplates snippets = new InMemoryTemplates();
    private final AtomicInteger counter = new AtomicInteger();

    GovukRenderer() {
        ClassLoaderTemplateResolver views = new ClassLoaderTemplateResolver();
        views.setPrefix("views/");
        views.setSuffix(".html");
        views.setTemplateMode(TemplateMode.HTML);
        views.setCharacterEncoding("UTF-8");
        views.setCacheable(true);
        views.setOrder(2);
        engine.setMessageResolver(new MessageSourceMessageResolver(new PublicWords()));
        engine.addTemplateResolver(snippets);
        engine.addTemplateResolver(views);
    }

    /** Renders a whole template from views/, e.g. "layout-test" or "start". */
    String template(String name, Map<String, Object> model) {
        return engine.process(name, new Context(null, model));
    }

    /** Renders markup (Thymeleaf attributes allowed) as a template of its own. */
    String markup(String markup, Map<String, Object> model) {
        String name = "test/snippet-" + counter.incrementAndGet();
        snippets.put(name, markup);
        return engine.process(name, new Context(null, model));
    }

    /**
     * Registers {@code html} as a fragment named {@code content} of a new in-memory template and returns a
     * fragment expression for it, e.g. {@code ~{test/content-3 :: content}}: how a page passes its own markup.
     */
    Call.Expression contentFragment(String html) {
        return new Call.Expression("~{" + contentSelector(html) + "}");
    }

    /** As {@link #contentFragment} but returns the bare selector string, e.g. for an item's {@code conditional}. */
    String contentSelector(String html) {
        String name = "test/content-" + counter.incrementAndGet();
        snippets.put(name, "<th:block th:fragment=\"content\">" + html + "</th:block>");
        return name + " :: content";
    }

    /** Calls {@code template :: fragment(...)} with every parameter named, as pages do, and returns the HTML. */
    String call(Call call) {
        StringJoiner params = new StringJoiner(", ");
        Map<String, Object> model = new LinkedHashMap<>();
        call.params.forEach((name, value) -> {
            if (value instanceof Call.Expression expression) {
                params.add(name + "=" + expression.text());
            } else {
                params.add(name + "=${" + name + "}");
                model.put(name, value);
            }
        });
        return markup("<div th:replace=\"~{" + call.template + " :: " + call.fragment + "(" + params + ")}\"></div>", model);
    }

    /** A fragment call being built: parameters in signature order; null values are passed as null. */
    static final class Call {
        private final String template;
        private final String fragment;
        private final Map<String, Object> params = new LinkedHashMap<>();

        /** A parameter written as a Thymeleaf expression rather than passed as a value. */
        record Expression(String text) {
        }

        private Call(String template, String fragment) {
            this.template = template;
            this.fragment = fragment;
        }

        static Call of(String template, String fragment) {
            return new Call(template, fragment);
        }

        Call with(String name, Object value) {
            params.put(name, value);
            return this;
        }
    }

    /** Templates held in memory, for names starting with "test/". */
    private static final class InMemoryTemplates extends AbstractTemplateResolver {
        private final Map<String, String> templates = new ConcurrentHashMap<>();

        InMemoryTemplates() {
            setOrder(1);
            setResolvablePatterns(Set.of("test/*"));
        }

        void put(String name, String markup) {
            templates.put(name, markup);
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                            String template, Map<String, Object> attributes) {
            String markup = templates.get(template);
            return markup == null ? null : new StringTemplateResource(markup);
        }

        @Override
        protected TemplateMode computeTemplateMode(IEngineConfiguration configuration, String ownerTemplate,
                                                   String template, Map<String, Object> attributes) {
            return TemplateMode.HTML;
        }

        @Override
        protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                                                      String template, Map<String, Object> attributes) {
            return AlwaysValidCacheEntryValidity.INSTANCE;
        }
    }
}
