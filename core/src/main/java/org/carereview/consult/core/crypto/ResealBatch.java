package org.carereview.consult.core.crypto;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * One batch of the rotation, in its own transaction: the next rows (by key, after {@code after}) of a column whose
 * value is plain or sealed with a key that is not the current one, locked (rows a request is writing are skipped,
 * and keep the value that request seals with the current key), opened and sealed again with the current key.
 */
@Singleton
class ResealBatch {

    /** What a batch did, and where the next one starts (null: the column is done). */
    record Done(int resealed, int unreadable, UUID next) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResealBatch.class);
    static final UUID FIRST = new UUID(0, 0);

    private final SealedColumnStore store;
    private final FieldCipher cipher;

    ResealBatch(SealedColumnStore store, FieldCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Transactional
    Done reseal(SealedColumn column, UUID after, int size) {
        String prefix = cipher.currentPrefix();
        Map<UUID, String> due = store.lockNotSealedWith(column, prefix, after, size);
        int resealed = 0;
        int unreadable = 0;
        UUID last = null;
        for (Map.Entry<UUID, String> row : due.entrySet()) {
            last = row.getKey();
            String sealed;
            try {
                sealed = cipher.seal(cipher.open(row.getValue(), column.purpose()), column.purpose());
            } catch (UnreadableValueException e) {
                LOG.warn("Rotation left a {} value (row {}) as it is: {}", column.purpose(), row.getKey(),
                        e.getMessage());
                unreadable++;
                continue;
            }
            store.update(column, row.getKey(), sealed);
            resealed++;
        }
        return new Done(resealed, unreadable, due.size() < size ? null : last);
    }
}
