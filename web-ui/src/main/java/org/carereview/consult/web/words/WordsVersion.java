package org.carereview.consult.web.words;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * Which words a public page uses: the standard ones, or the child-friendly ones (shorter sentences,
 * everyday words). The version travels in the page's {@link Locale} as the private-use extension
 * {@code x-child}, so Welsh or Urdu can each have both versions; {@code keys} shows every message's key
 * instead of its words, and exists only where {@code consult.words.keys-version} is on (a test uses it to
 * find words that do not come from the bundles).
 */
public enum WordsVersion {
    STANDARD("standard"),
    CHILD("child"),
    KEYS("keys");

    private final String id;

    WordsVersion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<WordsVersion> parse(@Nullable String value) {
        for (WordsVersion v : values()) {
            if (v.id.equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The language's locale carrying this version. */
    Locale in(String language) {
        Locale.Builder builder = new Locale.Builder().setLanguage(language);
        return this == STANDARD ? builder.build() : builder.setExtension(Locale.PRIVATE_USE_EXTENSION, id).build();
    }

    /** The version a locale carries. */
    public static WordsVersion of(Locale locale) {
        return parse(locale.getExtension(Locale.PRIVATE_USE_EXTENSION)).orElse(STANDARD);
    }
}
