package org.carereview.consult.core.safeguarding;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every example with its vector for the learned check to learn from, making (and keeping) the vectors
 * of examples that have none yet or were made by another model. Runs in a transaction of its own, off the path
 * of any submission.
 */
@Singleton
class ExampleVectors {

    /** The examples at one version of the set. */
    record Snapshot(long version, List<ExampleStore.Stored> examples) {
    }

    private final ExampleStore store;

    ExampleVectors(ExampleStore store) {
        this.store = store;
    }

    @Transactional
    Snapshot load(SentenceEncoder encoder) {
        long version = store.version();
        List<ExampleStore.Stored> examples = new ArrayList<>();
        for (ExampleStore.Stored e : store.all()) {
            if (e.vector() == null || !encoder.name().equals(e.model())) {
                float[] vector = encoder.encode(Canonical.forModel(e.text()));
                store.saveVector(e.id(), vector, encoder.name());
                e = new ExampleStore.Stored(e.id(), e.text(), e.disclosure(), e.source(), vector, encoder.name());
            }
            examples.add(e);
        }
        return new Snapshot(version, examples);
    }

    @Transactional
    long version() {
        return store.version();
    }
}
