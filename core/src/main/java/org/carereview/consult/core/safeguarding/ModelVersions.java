package org.carereview.consult.core.safeguarding;

import jakarta.inject.Singleton;
import org.carereview.consult.notifications.TableChanges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The examples' and the phrases' versions that screening works with, read from the database once and kept while
 * nothing changes, instead of read in every submission's transaction. A change on any node moves the versions'
 * row, whose trigger announces it to every node when it commits ({@link TableChanges}); this node then reads the
 * row again at its next submission, a few milliseconds after the change. A change made on this node is marked at
 * once ({@link #changedHere}). Should a node miss an announcement (its listening connection silently gone), it
 * still reads the row again once what it holds is {@link SafeguardingConfiguration#versionsKeptFor} old, and while
 * it is not listening it reads the row every time: a phrase the lead adds screens on every node within seconds.
 */
@Singleton
class ModelVersions {

    private record Held(long generation, Instant readAt, PhraseStore.Versions versions) {
    }

    private final PhraseStore store;
    private final TableChanges changes;
    private final Clock clock;
    private final Duration keptFor;
    private volatile Held held;

    ModelVersions(PhraseStore store, TableChanges changes, Clock clock, SafeguardingConfiguration configuration) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.keptFor = configuration.versionsKeptFor();
    }

    /** The current versions; reads them in the caller's transaction unless the ones held still stand. */
    PhraseStore.Versions current() {
        long generation = changes.generation();
        Instant now = clock.instant();
        Held last = held;
        if (last != null && generation != TableChanges.UNKNOWN && last.generation() == generation
                && !now.isBefore(last.readAt()) && now.isBefore(last.readAt().plus(keptFor))) {
            return last.versions();
        }
        PhraseStore.Versions read = store.versions();
        if (generation != TableChanges.UNKNOWN) {
            held = new Held(generation, now, read);
        }
        return read;
    }

    /** Marks a change to the phrases or the examples made on this node (its announcement follows the commit). */
    void changedHere() {
        changes.changed();
    }
}
