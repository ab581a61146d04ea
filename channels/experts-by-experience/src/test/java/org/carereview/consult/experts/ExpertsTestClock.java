package org.carereview.consult.experts;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.carereview.consult.db.MutableClock;

import java.time.Clock;
import java.time.Instant;

/**
 * The application's clock in the application tests (those that set {@code consult.test.experts-clock=true}):
 * one the tests move. A factory rather than {@code @MockBean}, so start-up does not wait for the test
 * instance (which would deadlock a test that injects an HTTP client).
 */
@Factory
@Requires(property = ExpertsTestClock.PROPERTY, value = "true")
class ExpertsTestClock {

    static final String PROPERTY = "consult.test.experts-clock";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    @Singleton
    @Replaces(Clock.class)
    Clock clock() {
        return CLOCK;
    }
}
