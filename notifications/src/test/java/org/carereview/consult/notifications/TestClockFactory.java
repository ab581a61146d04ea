package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import org.carereview.consult.db.MutableClock;

import java.time.Clock;
import java.time.Instant;

/** In every test context of this module, the application's Clock is a MutableClock tests move. */
@Factory
class TestClockFactory {

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    @Singleton
    @Replaces(Clock.class)
    MutableClock clock() {
        return new MutableClock(START);
    }
}
