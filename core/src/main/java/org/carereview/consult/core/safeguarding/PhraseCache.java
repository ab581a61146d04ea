package org.carereview.consult.core.safeguarding;

import jakarta.inject.Singleton;

/**
 * The lead's phrases, ready to match, kept for as long as their version in the database stays the same. A phrase
 * added or removed on any node moves the version (a trigger), and every node reads them again once it has the new
 * version ({@link ModelVersions}).
 */
@Singleton
class PhraseCache {

    private record Matching(long version, PhraseMatcher matcher) {
    }

    private final PhraseStore store;
    private volatile Matching current;

    PhraseCache(PhraseStore store) {
        this.store = store;
    }

    /** The matcher for the phrases at {@code version}; reads them in the caller's transaction when it has moved. */
    PhraseMatcher at(long version) {
        Matching held = current;
        if (held != null && held.version() == version) {
            return held.matcher();
        }
        PhraseMatcher matcher = new PhraseMatcher(store.weights());
        current = new Matching(version, matcher);
        return matcher;
    }
}
