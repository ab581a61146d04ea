package org.carereview.consult.core.apikey;

import java.util.Locale;
import java.util.Optional;

/**
 * What an integration's key may do. Both act with a reviewer's view (redacted answers, no flagged submission)
 * and never more: a key is never an administrator or the safeguarding lead.
 */
public enum ApiKeyScope {
    /** Reads the triage queue, a submission and the exports; GET only. */
    READ,
    /** As READ, and may tag, assign, move and note submissions. */
    REVIEW;

    /** The scope these words name (any case), if any. */
    public static Optional<ApiKeyScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ApiKeyScope scope : values()) {
            if (scope.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
