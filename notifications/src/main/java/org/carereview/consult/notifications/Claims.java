package org.carereview.consult.notifications;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dispatcher's side of {@code outbox_message}. Each method is its own short transaction, on the connection the
 * dispatcher holds for its batch ({@link Dispatcher#dispatchDue}), so it is never called inside another transaction.
 * A claim sets {@code claimed_until} and {@code next_attempt_at} to the end of the lease, so one condition
 * ({@code status IN (CREATED, SENDING) AND next_attempt_at <= now}) finds new, retrying and abandoned messages
 * alike. Every later update names the {@code attempts} value of its claim: a dispatcher whose lease ran out and was
 * taken over cannot overwrite the newer claim.
 */
@Singleton
class Claims {

    /** A claimed message. {@link #toString()} leaves out the address and the fields. */
    record Claimed(UUID id, Channel channel, String template, String recipient, Map<String, String> fields,
                   int attempts) {
        @Override
        public String toString() {
            return "Claimed[id=" + id + ", channel=" + channel + ", template=" + template + ", attempts=" + attempts
                    + "]";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);
    private static final Argument<Map<String, String>> FIELDS = Argument.mapOf(String.class, String.class);
    /**
     * How often a claim also gives up the messages out of attempts: that statement reads every due message (at a peak,
     * tens of thousands), so it is not run for every batch of a few. Such a message is never claimed meanwhile.
     */
    static final Duration FAIL_OUT_EVERY = Duration.ofSeconds(30);

    /** When this node last gave up the messages out of attempts; null before it first did. */
    private final AtomicReference<Instant> failedOutAt = new AtomicReference<>();

    private final ClaimStore store;
    private final JsonMapper json;

    Claims(ClaimStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Claims up to {@code limit} due messages, skipping rows another dispatcher has locked. */
    @Transactional
    List<Claimed> claim(Instant now, Instant leaseEnd, int limit, int maxAttempts) {
        // Out of attempts: an abandoned claim on the last attempt (the dead node may have sent it), or a
        // waiting message after maxAttempts was lowered. Given up, not tried again.
        if (failOutDue(now)) {
            store.failOutOfAttempts(now, maxAttempts);
        }
        // The rows come back in no set order: within the batch, too, the urgent ones are sent first.
        return store.claim(now, leaseEnd, limit, maxAttempts).stream()
                .sorted(Comparator.comparing(row -> !Urgent.template(row.template())))
                .map(row -> new Claimed(row.id(), row.channel(), row.template(), row.recipient(), fields(row),
                        row.attempts()))
                .toList();
    }

    /**
     * Marks a message sent, without waiting for the disk: a mark lost to a database crash in the next fraction of a
     * second leaves the message {@code SENDING}, so it is sent again when its lease runs out, which is the outbox's
     * at-least-once promise anyway (as for a node that dies mid-send). At a peak this saves one flush of the
     * write-ahead log per email, and everything else the database holds stays durable. The statement itself turns
     * the wait off for its transaction ({@link ClaimStore#markSent}), so the transaction is that statement and its
     * COMMIT: two round trips, not three.
     */
    @Transactional
    boolean markSent(Claimed claim, Instant now) {
        return store.markSent(claim.id(), claim.attempts(), now);
    }

    @Transactional
    boolean reschedule(Claimed claim, Instant nextAttempt, String error) {
        return store.reschedule(claim.id(), claim.attempts(), nextAttempt, error);
    }

    @Transactional
    boolean markFailed(Claimed claim, String error) {
        return store.markFailed(claim.id(), claim.attempts(), error);
    }

    /** Gives a claim back unsent (its lease is nearly over), without counting the attempt. */
    @Transactional
    boolean release(Claimed claim, Instant now) {
        return store.release(claim.id(), claim.attempts(), now);
    }

    /** Whether {@link #FAIL_OUT_EVERY} has passed since the last time (or the clock went back, as tests move it). */
    private boolean failOutDue(Instant now) {
        Instant last = failedOutAt.get();
        if (last != null && now.isBefore(last.plus(FAIL_OUT_EVERY)) && !now.isBefore(last)) {
            return false;
        }
        failedOutAt.set(now);
        return true;
    }

    /** Unreadable fields must not block the whole queue: the message then fails on rendering instead. */
    private Map<String, String> fields(ClaimStore.Row row) {
        try {
            return json.readValue(row.fields(), FIELDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Outbox message {} has unreadable fields ({})", row.id(), e.getClass().getSimpleName());
            return Map.of();
        }
    }
}
