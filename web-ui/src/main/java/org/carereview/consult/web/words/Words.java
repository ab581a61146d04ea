package org.carereview.consult.web.words;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;

import java.util.Locale;

/** The version of the words a public page is shown in, and the link that switches it. */
public final class Words {

    static final String PARAMETER = "version";
    static final String COOKIE = "words";

    private Words() {
    }

    /** Whether the page is one of the public ones (not the staff console or the API), which offer both versions. */
    public static boolean isPublic(HttpRequest<?> request) {
        String path = request.getPath();
        return !path.startsWith("/staff") && !path.startsWith("/api/");
    }

    /** The version this request is shown in. */
    public static WordsVersion version(HttpRequest<?> request, HttpLocaleResolver resolver) {
        return resolver.resolve(request).map(WordsVersion::of).orElse(WordsVersion.STANDARD);
    }

    /**
     * What the layout needs for the link at the top of a public page (the same page in the other version),
     * or null on a staff or API page, which come in the standard words only.
     */
    public static Switch switchFor(HttpRequest<?> request, HttpLocaleResolver resolver) {
        if (!isPublic(request)) {
            return null;
        }
        boolean child = version(request, resolver) == WordsVersion.CHILD;
        return new Switch(child, "?" + PARAMETER + "=" + (child ? WordsVersion.STANDARD : WordsVersion.CHILD).id());
    }

    /** The link at the top of a public page: whether the page is in the child-friendly words, and where the link goes. */
    public record Switch(boolean child, String href) {
    }

    static Locale english(WordsVersion version) {
        return version.in("en");
    }
}
