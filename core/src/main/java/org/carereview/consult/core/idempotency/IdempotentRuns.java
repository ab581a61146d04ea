package org.carereview.consult.core.idempotency;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The transactions {@link Idempotency} runs a create and reads a stored answer in. */
@Singleton
class IdempotentRuns {

    /** The key was stored by another request: thrown to roll back this one's create. */
    static final class AlreadyAnswered extends RuntimeException {
        AlreadyAnswered() {
            super("idempotency key already answered", null, false, false);
        }
    }

    private final IdempotencyStore store;
    private final Clock clock;

    IdempotentRuns(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    <T> T run(Supplier<T> action) {
        return action.get();
    }

    /**
     * Runs {@code action}, then stores the key with its answer in the same transaction.
     *
     * @throws AlreadyAnswered when the key is stored already (then everything {@code action} did is rolled back)
     */
    @Transactional
    <T> T once(String scope, String key, String requestHash, Supplier<T> action, Function<Object, String> json) {
        T body = action.get();
        if (store.insertAnswered(scope, key, requestHash, json.apply(body), clock.instant()) == 0) {
            throw new AlreadyAnswered();
        }
        return body;
    }

    @Transactional
    Optional<IdempotencyStore.Stored> stored(String scope, String key) {
        return store.find(scope, key);
    }
}
