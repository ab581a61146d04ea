package org.carereview.consult.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A node's copy of something read from a table that other nodes change: kept while no change has been announced
 * since it was read ({@link TableChanges}) and it is younger than {@code keptFor}, read again otherwise. The age
 * limit covers a listener that goes deaf without failing (a connection a network drops silently; LISTEN through
 * PgBouncer in transaction mode). While the node is not listening nothing is kept.
 */
public final class KeptCopy<T> {

    private record Held<T>(long generation, Instant readAt, T value) {
    }

    private final TableChanges changes;
    private final Clock clock;
    private final Duration keptFor;
    private volatile Held<T> held;

    public KeptCopy(TableChanges changes, Clock clock, Duration keptFor) {
        this.changes = changes;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    /** The kept copy while it stands; otherwise what {@code read} gives, kept from now. */
    public T get(Supplier<T> read) {
        long generation = changes.generation();
        Instant now = clock.instant();
        Held<T> last = held;
        if (last != null && generation != TableChanges.UNKNOWN && last.generation() == generation
                && !now.isBefore(last.readAt()) && now.isBefore(last.readAt().plus(keptFor))) {
            return last.value();
        }
        T value = read.get();
        if (generation != TableChanges.UNKNOWN) {
            held = new Held<>(generation, now, value);
        }
        return value;
    }
}
