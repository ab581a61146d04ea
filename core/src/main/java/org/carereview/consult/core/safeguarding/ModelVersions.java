package org.carereview.consult.core.safeguarding;

import jakarta.inject.Singleton;
import org.carereview.consult.notifications.KeptCopy;
import org.carereview.consult.notifications.TableChanges;

import java.time.Clock;

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

    private final PhraseStore store;
    private final TableChanges changes;
    private final KeptCopy<PhraseStore.Versions> kept;

    ModelVersions(PhraseStore store, TableChanges changes, Clock clock, SafeguardingConfiguration configuration) {
        this.store = store;
        this.changes = changes;
        this.kept = new KeptCopy<>(changes, clock, configuration.versionsKeptFor());
    }

    /** The current versions; reads them in the caller's transaction unless the ones held still stand. */
    PhraseStore.Versions current() {
        return kept.get(store::versions);
    }

    /** Marks a change to the phrases or the examples made on this node (its announcement follows the commit). */
    void changedHere() {
        changes.changed();
    }
}
