package org.carereview.consult.core.intake;

import java.util.List;
import java.util.function.Consumer;

/**
 * A kind of row a new submission writes (its common record, its channel's details, its receipt), with what writes
 * many of them at once: the {@link IntakeWriter} gathers each kind's rows from the submissions of a batch and hands
 * them over together, one statement per kind.
 *
 * @param <R> what one row is made from
 */
public final class Rows<R> {

    private final Consumer<List<R>> writeAll;

    /** @param writeAll writes the rows, in order, in the caller's transaction */
    public Rows(Consumer<List<R>> writeAll) {
        this.writeAll = writeAll;
    }

    /** One row of this kind. */
    public Row<R> of(R value) {
        return new Row<>(this, value);
    }

    @SuppressWarnings("unchecked")
    void writeAll(List<?> values) {
        writeAll.accept((List<R>) values);
    }
}
