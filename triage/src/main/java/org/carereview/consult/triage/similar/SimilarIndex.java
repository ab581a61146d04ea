package org.carereview.consult.triage.similar;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * This node's index of submissions' vectors (ADR 0036): loaded on first use, then refreshed by the first query
 * after {@code consult.similar.refresh-every} with the vectors made since (a minute of overlap, so an answer whose
 * transaction committed late is not missed). Each node has its own; nothing is shared. It only proposes
 * candidates: whether they exist and who may see them is asked of the database every time. Callers hold a
 * transaction.
 */
@Singleton
class SimilarIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarIndex.class);
    static final Duration OVERLAP = Duration.ofMinutes(1);

    /** What loading took: submissions, milliseconds, and the index's bytes. */
    record Loaded(int submissions, long millis, long bytes) {
    }

    private final SubmissionVectorStore vectors;
    private final BeanProvider<SentenceEncoder> encoders;
    private final SimilarConfiguration configuration;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile VectorIndex index;
    private volatile Instant seen;
    private volatile Instant refreshedAt;

    SimilarIndex(SubmissionVectorStore vectors, BeanProvider<SentenceEncoder> encoders,
                 SimilarConfiguration configuration, Clock clock) {
        this.vectors = vectors;
        this.encoders = encoders;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** The submission's vector (from the database if the index has not got it yet); null when it has none yet. */
    @Nullable
    float[] vectorOf(UUID id) {
        ready();
        lock.readLock().lock();
        try {
            float[] held = index.vectorOf(id);
            if (held != null) {
                return held;
            }
        } finally {
            lock.readLock().unlock();
        }
        float[] stored = vectors.of(id, model());
        if (stored != null) {
            put(List.of(new Pending(id, stored)));
        }
        return stored;
    }

    /** The {@code k} nearest submissions to this vector, leaving out {@code self}, most similar first. */
    List<VectorIndex.Scored> nearest(float[] vector, UUID self, int k) {
        ready();
        lock.readLock().lock();
        try {
            return index.nearest(vector, self, k);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Loads the index now if it is not loaded (the benchmark times it); answers what loading took, or null. */
    @Nullable
    synchronized Loaded load() {
        if (index != null) {
            return null;
        }
        long start = System.nanoTime();
        String model = model();
        long expected = vectors.submissions();
        VectorIndex[] built = {null};
        Instant latest = vectors.all(model, (id, unit) -> {
            if (built[0] == null) {
                built[0] = new VectorIndex(unit.length, (int) Math.min(Integer.MAX_VALUE / unit.length, expected + 1024));
            }
            built[0].put(id, unit);
        });
        index = built[0] == null ? new VectorIndex(384, 1024) : built[0];
        seen = latest == null ? Instant.EPOCH : latest;
        refreshedAt = clock.instant();
        Loaded loaded = new Loaded(index.size(), (System.nanoTime() - start) / 1_000_000, index.heapBytes());
        LOG.info("Similarity index loaded: {} submission(s) in {} ms, about {} MB", loaded.submissions(),
                loaded.millis(), loaded.bytes() >> 20);
        return loaded;
    }

    /** The index's size in bytes, for the benchmark. */
    long heapBytes() {
        return index == null ? 0 : index.heapBytes();
    }

    private void ready() {
        if (index == null) {
            load();
            return;
        }
        if (clock.instant().isBefore(refreshedAt.plus(configuration.refreshEvery())) || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Pending> fresh = new ArrayList<>();
            Instant latest = vectors.since(model(), seen.minus(OVERLAP), (id, unit) -> fresh.add(new Pending(id, unit)));
            put(fresh);
            if (latest != null && latest.isAfter(seen)) {
                seen = latest;
            }
            refreshedAt = clock.instant();
        } finally {
            refreshing.set(false);
        }
    }

    private void put(List<Pending> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            fresh.stream().filter(p -> p.unit().length == index.dims()).forEach(p -> index.put(p.id(), p.unit()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private String model() {
        return encoders.get().name();
    }

    private record Pending(UUID id, float[] unit) {
    }
}
