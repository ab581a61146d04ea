package org.carereview.consult.core.intake;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.idempotency.Idempotency;

import java.util.List;

/**
 * A new submission made ready in its request (checked, screened, redacted, its id and reference chosen), for the
 * {@link IntakeWriter} to write with the others that arrive at the same moment, in their one transaction.
 */
public interface Together {

    /** Its {@code Idempotency-Key}, with its answer, or null if the request had none. */
    @Nullable
    Idempotency.Claim claim();

    /** The rate limit's key this post counts against, or null if it counts against none. */
    @Nullable
    String rateKey();

    /**
     * In the batch's transaction: anything it must find first, one by one (the contributor account of its address),
     * then the rows it writes, in the order their tables need them (its common record first).
     */
    List<Row<?>> rows();

    /** In the batch's transaction, after every row is written: what it writes only now and then (a flag). */
    void after();
}
