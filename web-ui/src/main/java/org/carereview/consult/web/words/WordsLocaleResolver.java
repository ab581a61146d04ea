package org.carereview.consult.web.words;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The locale a page is written in: the language the browser asks for when the service has words in it
 * (English otherwise), and the version of the words chosen with the link at the top of every public page
 * ({@code ?version=child}, remembered in the {@value Words#COOKIE} cookie until the browser closes).
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
final class WordsLocaleResolver implements HttpLocaleResolver {

    private final boolean keysVersion;

    WordsLocaleResolver(@Value("${consult.words.keys-version:false}") boolean keysVersion) {
        this.keysVersion = keysVersion;
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(version(request).in(language(request)));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return version(request).in(language(request));
    }

    /** The standard words on staff pages and the API, whatever the browser chose on the public pages. */
    WordsVersion version(HttpRequest<?> request) {
        if (!Words.isPublic(request)) {
            return WordsVersion.STANDARD;
        }
        Optional<WordsVersion> asked = request.getParameters().getFirst(Words.PARAMETER).flatMap(WordsVersion::parse)
                .or(() -> request.getCookies().findCookie(Words.COOKIE).map(Cookie::getValue)
                        .flatMap(WordsVersion::parse));
        return asked.filter(v -> v != WordsVersion.KEYS || keysVersion).orElse(WordsVersion.STANDARD);
    }

    private static String language(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (!language.equals("*") && PublicWords.speaks(language)) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException e) {
                return "en";
            }
        }
        return "en";
    }
}
