package org.carereview.consult.core.crypto;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The rotation command (ADR 0018): seals again, with the current key, every value of every {@link SealedColumn}
 * that is sealed with another key or still plain (stored before V017). Batches of {@code batchSize} rows, each in
 * its own short transaction, so it is safe to run while the service runs; running it again finds nothing to do.
 * A value it cannot open (its key is no longer configured) is left as it is and counted.
 */
@Singleton
public class KeyRotation {

    public static final int DEFAULT_BATCH_SIZE = 500;

    /** Per column ({@code table.column}): how many values were sealed again, and how many could not be opened. */
    public record Report(Map<String, Integer> resealed, Map<String, Integer> unreadable) {

        public int total() {
            return resealed.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int totalUnreadable() {
            return unreadable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final ResealBatch batch;

    KeyRotation(ResealBatch batch) {
        this.batch = batch;
    }

    public Report rotate(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        Map<String, Integer> resealed = new LinkedHashMap<>();
        Map<String, Integer> unreadable = new LinkedHashMap<>();
        for (SealedColumn column : SealedColumn.values()) {
            int done = 0;
            int failed = 0;
            UUID after = ResealBatch.FIRST;
            while (after != null) {
                ResealBatch.Done step = batch.reseal(column, after, batchSize);
                done += step.resealed();
                failed += step.unreadable();
                after = step.next();
            }
            resealed.put(column.purpose(), done);
            unreadable.put(column.purpose(), failed);
        }
        return new Report(resealed, unreadable);
    }
}
