package org.carereview.consult.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesAfterEachFailedAttempt() {
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(2));
        assertEquals(Duration.ofMinutes(2), policy.delayAfter(3));
        assertEquals(Duration.ofMinutes(32), policy.delayAfter(7));
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertEquals(Duration.ofHours(1), policy.delayAfter(8));
        assertEquals(Duration.ofHours(1), policy.delayAfter(1_000));
    }
}
