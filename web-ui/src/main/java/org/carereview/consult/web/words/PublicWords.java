package org.carereview.consult.web.words;

import io.micronaut.context.AbstractMessageSource;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.Bundles;
import org.carereview.consult.core.problem.ErrorWords;
import org.carereview.consult.core.problem.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every word of the public pages, from the bundles in {@code classpath:i18n/} ({@code #{key}} in a template).
 * Each part of the service has its own bundle ({@link #BUNDLES}); the child-friendly words are the same keys
 * in {@code i18n/child/}. A language is a file suffix, as Java's bundles have it ({@code advice_cy.properties},
 * {@code child/advice_cy.properties}), so a translator adds files and no code.
 * <p>
 * A message is looked for in this order: the version's words in the language, the standard words in the
 * language, the version's words in English, the standard words in English. Files are read as UTF-8; a
 * message's {@code {0}} and {@code {name}} are filled in from the template's arguments.
 */
@Singleton
public final class PublicWords extends AbstractMessageSource {

    /** The bundles, one per part of the service. */
    static final List<String> BUNDLES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("govuk", "common", "pages", "advice", "experts", "deepdives", "drafts", "account", "summaries"),
            ErrorWords.BUNDLES.stream()).toList();

    private final Map<Locale, Map<String, String>> merged = new ConcurrentHashMap<>();

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        Locale locale = context.getLocale();
        WordsVersion version = WordsVersion.of(locale);
        if (version == WordsVersion.KEYS) {
            return words(Locale.ENGLISH, WordsVersion.STANDARD).containsKey(code)
                    ? Optional.of("\u27e6" + code + "\u27e7") : Optional.empty();
        }
        return Optional.ofNullable(words(new Locale(locale.getLanguage()), version).get(code));
    }

    /**
     * Fills {@code {0}} or {@code {name}} from the arguments, and nothing else: an apostrophe is an apostrophe
     * (Java's MessageFormat would swallow it).
     */
    @Override
    public String interpolate(String template, MessageContext context) {
        String out = template;
        for (Map.Entry<String, Object> variable : context.getVariables().entrySet()) {
            out = out.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue()));
        }
        return out;
    }

    /** An error's words in the page's locale: its bundle words when it has a key, or its own words. */
    public String word(FieldError error, Locale locale) {
        if (error.key() == null) {
            return error.message();
        }
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < error.args().size(); i++) {
            args.put(String.valueOf(i), error.args().get(i));
        }
        return getMessage(error.key(), MessageContext.of(locale, args)).orElse(error.message());
    }

    /** The words of one version in one language, every fallback already applied. */
    Map<String, String> words(Locale language, WordsVersion version) {
        return merged.computeIfAbsent(version.in(language.getLanguage()), l -> {
            Map<String, String> all = new HashMap<>();
            String lang = language.getLanguage();
            List<String> layers = new ArrayList<>(List.of("", "child/"));
            for (String suffix : english(lang) ? List.of("") : List.of("", "_" + lang)) {
                for (String folder : version == WordsVersion.CHILD ? layers : List.of("")) {
                    for (String bundle : BUNDLES) {
                        all.putAll(Bundles.read("i18n/" + folder + bundle + suffix + ".properties"));
                    }
                }
            }
            return Map.copyOf(all);
        });
    }

    /** Whether the service has words in this language (its common bundle exists). */
    static boolean speaks(String language) {
        return english(language) || PublicWords.class.getClassLoader()
                .getResource("i18n/common_" + language + ".properties") != null;
    }

    private static boolean english(String language) {
        return language.isEmpty() || language.equals("en");
    }
}
