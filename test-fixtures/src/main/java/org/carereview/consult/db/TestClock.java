package org.carereview.consult.db;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * The application's clock in a test that moves time: put {@link #PROPERTY} in the test's properties, set to
 * the instant the clock starts at, and inject {@link MutableClock}. Other tests keep the real clock. A factory
 * rather than {@code @MockBean}, so start-up does not wait for the test instance (which would deadlock a test
 * that injects an HTTP client).
 */
@Factory
@Requires(property = TestClock.PROPERTY)
public class TestClock {

    public static final String PROPERTY = "consult.test.clock";

    @Singleton
    @Replaces(Clock.class)
    MutableClock clock(@Value("${" + PROPERTY + "}") String start) {
        return new MutableClock(Instant.parse(start));
    }
}
