package org.carereview.consult.core.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The windows this node has counted full at the configured limit, so that a post from a client with no room left is
 * refused before any work without reading the count from the database first (one statement fewer on every post).
 * Only a window that filled is kept, with its start; a later window is not full until its own count says so. At
 * most {@link #SWEEP_AT} keys are kept before the windows that have ended are forgotten.
 */
final class FullWindows {

    static final int SWEEP_AT = 10_000;

    private final Map<String, Instant> full = new ConcurrentHashMap<>();

    boolean isFull(String key, Instant windowStart) {
        return windowStart.equals(full.get(key));
    }

    void filled(String key, Instant windowStart) {
        if (full.size() >= SWEEP_AT) {
            full.values().removeIf(start -> start.isBefore(windowStart));
        }
        full.put(key, windowStart);
    }

    int size() {
        return full.size();
    }
}
