package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.InstantSource;

/**
 * The only class that reads the system clock. It makes the application's one {@link Clock}, which every module
 * above this one injects and tests replace with a settable clock they move instead of sleeping; and the
 * {@link #TOKENS} instant source for session tokens, which tests never move.
 */
@Factory
public class ClockFactory {

    /**
     * Names the system's time as the JWT library sees it: the library stamps a token's "issued" and "expires" and
     * checks them against the system clock, so a session's own arithmetic (when to renew, how long is left) must
     * read the same time, even in a test that has moved the application's clock by days.
     */
    public static final String TOKENS = "tokens";

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Named(TOKENS)
    InstantSource tokens() {
        return InstantSource.system();
    }
}
