package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The application's one {@link Clock}. Every module above this one injects it; tests replace it with a
 * settable clock and move it instead of sleeping.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
