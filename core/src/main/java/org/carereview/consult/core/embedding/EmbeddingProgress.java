package org.carereview.consult.core.embedding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * How far the answers' embeddings have got: counts and dates, nobody's data.
 *
 * @param model the model of the latest back-fill (null before the worker first ran)
 * @param embedded answers with a vector by that model
 * @param waiting answers queued for the worker
 * @param failed answers the model could not read after a few attempts (queued again by the next back-fill)
 * @param answers every answer with a row (embedded by any model, waiting or failed)
 * @param scanned submissions the back-fill has passed
 * @param submissions submissions with redacted answers
 * @param backfillStarted when the back-fill for the model began
 * @param backfillFinished when it passed the last submission (null while it runs)
 */
@Serdeable
public record EmbeddingProgress(@Nullable String model, long embedded, long waiting, long failed, long answers,
                                long scanned, long submissions, @Nullable Instant backfillStarted,
                                @Nullable Instant backfillFinished) {

    /** Whether the back-fill has finished and nothing waits: every answer has its vector (or failed). */
    public boolean complete() {
        return backfillFinished != null && waiting == 0;
    }
}
