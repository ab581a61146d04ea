package org.carereview.consult.notifications;

import java.time.Duration;

/** Exponential backoff: {@code initial * 2^(attempts-1)}, never more than {@code max}. */
record RetryPolicy(Duration initial, Duration max) {

    static RetryPolicy of(NotificationsConfiguration config) {
        return new RetryPolicy(config.initialBackoff(), config.maxBackoff());
    }

    /** How long to wait after the {@code attempts}-th failed attempt (1 for the first). */
    Duration delayAfter(int attempts) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
