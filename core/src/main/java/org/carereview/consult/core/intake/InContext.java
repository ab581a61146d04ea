package org.carereview.consult.core.intake;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.idempotency.Idempotency;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A submission whose own steps run on the writer's thread with its request's logging context (its request id), so a
 * line logged while it is written (a safeguarding flag) still names the request it came with.
 */
final class InContext implements Together {

    private final Together together;
    private final Map<String, String> context;

    private InContext(Together together, Map<String, String> context) {
        this.together = together;
        this.context = context;
    }

    /** The submission with this thread's logging context, or itself when there is none. */
    static Together of(Together together) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return context == null || context.isEmpty() ? together : new InContext(together, context);
    }

    @Override
    public Idempotency.Claim claim() {
        return together.claim();
    }

    @Override
    public String rateKey() {
        return together.rateKey();
    }

    @Override
    public String ownerAddress() {
        return together.ownerAddress();
    }

    @Override
    public List<Row<?>> rows(@Nullable UUID addressOwner) {
        return run(() -> together.rows(addressOwner));
    }

    @Override
    public void after() {
        run(() -> {
            together.after();
            return null;
        });
    }

    private <T> T run(Supplier<T> step) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.setContextMap(context);
        try {
            return step.get();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
