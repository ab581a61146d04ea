package org.carereview.consult.core.embedding;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every free-text answer's sentence vector (ADR 0033), made in the background from its redacted text: the database
 * queues a new submission (one {@code embedding_due} row, in the submission's transaction) or a corrected answer
 * when the redacted text is written, {@link #embedDue} queues the answers of a batch of new submissions and embeds
 * a batch of answers, and {@link #backfill} queues, a batch of submissions at a time, answers that have no vector by
 * the current model. Both lock what they take ({@code SKIP LOCKED}), so several nodes can run them side by side.
 * The sentence model is the one the learned safeguarding check uses, loaded once.
 */
@Singleton
public class Embeddings {

    private static final Logger LOG = LoggerFactory.getLogger(Embeddings.class);
    static final int BATCH = 16;
    static final int BACKFILL_BATCH = 200;

    private final EmbeddingStore store;
    private final BackfillStore backfills;
    private final BeanProvider<SentenceEncoder> encoders;
    private final Clock clock;

    Embeddings(EmbeddingStore store, BackfillStore backfills, BeanProvider<SentenceEncoder> encoders, Clock clock) {
        this.store = store;
        this.backfills = backfills;
        this.encoders = encoders;
        this.clock = clock;
    }

    /**
     * Queues the answers of the next {@link #BATCH} new submissions and embeds one batch of waiting answers, in one
     * transaction. Returns how many answers it took off the queue or, if none, how many submissions it queued
     * answers for: 0 only when nothing waits that this node can take.
     */
    @Transactional
    public int embedDue() {
        int submissions = store.expandDue(BATCH);
        List<EmbeddingStore.Claimed> due = store.claim(BATCH);
        if (due.isEmpty()) {
            return submissions;
        }
        SentenceEncoder encoder = encoders.get();
        int failed = 0;
        for (EmbeddingStore.Claimed answer : due) {
            if (answer.text() == null || answer.text().isBlank()) {
                store.remove(answer);
                continue;
            }
            try {
                store.save(answer, encoder.name(), encoder.encode(answer.text()), clock.instant());
            } catch (RuntimeException e) {
                store.failed(answer, clock.instant());
                failed++;
            }
        }
        if (failed > 0) {
            LOG.warn("The sentence model could not read {} of {} answer(s); tried again later", failed, due.size());
        }
        return due.size();
    }

    /**
     * Queues the answers of the next batch of submissions that have no vector by the current model, and moves the
     * back-fill on; returns how many submissions it passed (0 once finished, or while another node holds it).
     */
    @Transactional
    public int backfill() {
        String model = encoders.get().name();
        Instant now = clock.instant();
        backfills.start(model, now);
        Optional<BackfillStore.Position> position = backfills.lockUnfinished(model);
        if (position.isEmpty()) {
            return 0;
        }
        List<UUID> batch = backfills.next(position.get(), BACKFILL_BATCH);
        int queued = batch.isEmpty() ? 0 : backfills.queue(batch, model, now);
        backfills.advance(model, batch.isEmpty() ? null : batch.get(batch.size() - 1), batch.size(), now);
        if (batch.isEmpty()) {
            LOG.info("Back-fill of answer embeddings finished for model {}", model);
        } else if (queued > 0) {
            LOG.info("Back-fill queued {} answer(s) of {} submission(s) for embedding", queued, batch.size());
        }
        return batch.size();
    }

    /** How far embedding and the latest back-fill have got, for administrators. */
    @Transactional
    public EmbeddingProgress progress() {
        Optional<BackfillStore.Position> latest = backfills.latest();
        String model = latest.map(BackfillStore.Position::model).orElse(null);
        EmbeddingStore.Counts counts = store.counts(model);
        return new EmbeddingProgress(model, counts.embedded(), counts.waiting(), counts.failed(), counts.answers(),
                latest.map(BackfillStore.Position::scanned).orElse(0L), backfills.submissions(),
                latest.map(BackfillStore.Position::startedAt).orElse(null),
                latest.map(BackfillStore.Position::finishedAt).orElse(null));
    }

    /** How many answers wait for their vector. */
    @Transactional
    public long waiting() {
        return store.waiting();
    }
}
