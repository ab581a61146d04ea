package org.carereview.consult.core.intake;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.ratelimit.RateLimiter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** One batch of the {@link IntakeWriter}: its submissions' rows, one statement per kind, in one transaction. */
@Singleton
class IntakeBatch {

    private final Idempotency idempotency;
    private final RateLimiter rateLimiter;
    private final AccountService accounts;

    IntakeBatch(Idempotency idempotency, RateLimiter rateLimiter, AccountService accounts) {
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Writes the batch in one transaction, leaving out a submission whose {@code Idempotency-Key} is stored already
     * or comes twice in the batch (its caller replays the stored answer alone): the contributor accounts of its
     * addresses found or made with one statement, then each kind of row with one. Its keys are stored, its flags
     * written and its posts counted in the same transaction.
     *
     * @return for each submission, whether it was written (once this returns, committed)
     * @throws RuntimeException whatever failed; then nothing of the batch is written
     */
    @Transactional
    boolean[] write(List<Together> batch) {
        boolean[] written = new boolean[batch.size()];
        List<Idempotency.Claim> claims = batch.stream().map(Together::claim).filter(Objects::nonNull).toList();
        Set<Idempotency.Claim> taken = claims.isEmpty() ? Set.of() : idempotency.taken(claims);
        Set<List<String>> keys = new HashSet<>();
        List<Together> going = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Idempotency.Claim claim = batch.get(i).claim();
            if (claim == null || !taken.contains(claim) && keys.add(List.of(claim.scope(), claim.key()))) {
                written[i] = true;
                going.add(batch.get(i));
            }
        }
        Map<String, UUID> owners = accounts.contributorsFor(going.stream().map(Together::ownerAddress)
                .filter(Objects::nonNull).toList());
        Map<Rows<?>, List<Object>> rows = new LinkedHashMap<>();
        for (Together together : going) {
            String address = together.ownerAddress();
            for (Row<?> row : together.rows(address == null ? null : owners.get(address))) {
                rows.computeIfAbsent(row.kind(), kind -> new ArrayList<>()).add(row.value());
            }
        }
        rows.forEach(Rows::writeAll);
        List<Idempotency.Claim> kept = going.stream().map(Together::claim).filter(Objects::nonNull).toList();
        if (!kept.isEmpty()) {
            idempotency.keepAll(kept);
        }
        going.forEach(Together::after);
        rateLimiter.countAll(going.stream().map(Together::rateKey).filter(Objects::nonNull).toList());
        return written;
    }
}
