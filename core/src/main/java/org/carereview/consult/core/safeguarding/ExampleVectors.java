package org.carereview.consult.core.safeguarding;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every example with its vector for the learned check to learn from, making (and keeping) the vectors
 * of examples that have none yet or were made by another model. The examples are read in a short transaction; the
 * model reads with none open (no pooled connection held for the seconds 810 examples take), and each new vector
 * is saved as soon as it is made, so a start stopped half way keeps what it made. Off the path of any submission.
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

    Snapshot load(SentenceEncoder encoder) {
        Snapshot read = store.snapshot();
        List<ExampleStore.Stored> examples = new ArrayList<>();
        for (ExampleStore.Stored e : read.examples()) {
            if (e.vector() == null || !encoder.name().equals(e.model())) {
                float[] vector = encoder.encode(Canonical.forModel(e.text()));
                store.saveVector(e.id(), e.text(), vector, encoder.name());
                e = new ExampleStore.Stored(e.id(), e.text(), e.disclosure(), e.source(), vector, encoder.name());
            }
            examples.add(e);
        }
        return new Snapshot(read.version(), examples);
    }

    @Transactional
    long version() {
        return store.version();
    }
}
