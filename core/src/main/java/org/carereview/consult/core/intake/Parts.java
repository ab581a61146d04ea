package org.carereview.consult.core.intake;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.idempotency.Idempotency;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A submission for the writer made from its parts ({@link Together#of}). */
record Parts(@Nullable Idempotency.Claim claim, @Nullable String rateKey, @Nullable UUID signedIn,
             @Nullable String email, Function<UUID, List<Row<?>>> written, Runnable then) implements Together {

    @Override
    public String ownerAddress() {
        return signedIn == null ? email : null;
    }

    @Override
    public List<Row<?>> rows(@Nullable UUID addressOwner) {
        return written.apply(signedIn != null ? signedIn : addressOwner);
    }

    @Override
    public void after() {
        then.run();
    }
}
