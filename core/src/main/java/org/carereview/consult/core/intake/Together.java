package org.carereview.consult.core.intake;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.idempotency.Idempotency;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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
     * The address whose contributor account is to own it (normalised), or null: the batch finds or makes the accounts
     * of all its addresses with one statement and gives each its own ({@link #rows}).
     */
    @Nullable
    String ownerAddress();

    /**
     * In the batch's transaction: the rows it writes, in the order their tables need them (its common record first).
     *
     * @param addressOwner the contributor account of {@link #ownerAddress}, or null if it gave none
     */
    List<Row<?>> rows(@Nullable UUID addressOwner);

    /** In the batch's transaction, after every row is written: what it writes only now and then (a flag). */
    void after();

    /**
     * A submission from its parts, owned by the signed-in account or else by the contributor account of its address.
     *
     * @param claim    its {@code Idempotency-Key} with its answer, or null
     * @param rateKey  the rate limit's key it counts against, or null
     * @param signedIn the signed-in account that owns it, or null
     * @param email    its contact address (normalised), or null
     * @param rows     its rows, given its owner (null if it has none), in the order their tables need them
     * @param after    what it writes after every row ({@link #after})
     */
    static Together of(@Nullable Idempotency.Claim claim, @Nullable String rateKey, @Nullable UUID signedIn,
                       @Nullable String email, Function<UUID, List<Row<?>>> rows, Runnable after) {
        return new Parts(claim, rateKey, signedIn, email, rows, after);
    }
}
