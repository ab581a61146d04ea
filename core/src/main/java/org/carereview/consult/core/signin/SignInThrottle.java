package org.carereview.consult.core.signin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.signin.SignInThrottleStore.Row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The policy (ADR 23). Each attempt is counted against its email and its client address before its password is
 * checked, in one transaction that locks both rows, so attempts made at once on any node cannot slip past the
 * limit together; a success then clears the email's failures and gives the address its attempt back.
 * <ul>
 *   <li>Email: {@code accountFreeAttempts} attempts are free; the last of them starts a wait of
 *   {@code accountFirstWait}, and each further wrong password doubles it, up to {@code accountLongestWait}. After
 *   {@code accountWindow} with no attempt and no wait left, the failures are forgotten.</li>
 *   <li>Second factor (ADR 25): wrong codes for an account count like an email's wrong passwords, under a key of
 *   their own ({@code second-factor:}), but the wait doubles up to {@code secondFactorLongestWait} and is
 *   forgotten only after {@code secondFactorWindow}: about 16 guesses in the first day, then one a day.</li>
 *   <li>Address: {@code addressAttempts} failed attempts in a window of {@code addressWindow} from the first; then
 *   every attempt waits for the window's end.</li>
 * </ul>
 * A refused attempt changes nothing (its transaction is rolled back), so retrying does not make the wait longer.
 */
@Singleton
class SignInThrottle {

    /** An attempt counted against both keys, its password not yet checked. */
    record Attempt(String accountKey, String addressKey) {
    }

    /** The prefix of the keys that count an account's wrong second-factor codes. */
    static final String SECOND_FACTOR = "second-factor:";

    private final SignInThrottleStore store;
    private final SignInConfiguration config;
    private final Clock clock;

    SignInThrottle(SignInThrottleStore store, SignInConfiguration config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Refuses, on what is committed now and without locking or writing anything, an attempt that {@link #count}
     * would refuse: under a flood most attempts are refused, and this way each costs one read.
     *
     * @throws SignInThrottledException when either limit refuses this attempt
     */
    @Transactional(readOnly = true)
    void refuseEarly(String accountKey, String addressKey) {
        Instant now = clock.instant();
        Row address = null;
        Row account = null;
        for (Row row : store.read(addressKey, accountKey)) {
            if (row.key().equals(addressKey)) {
                address = row;
            } else {
                account = row;
            }
        }
        refuseIfHeldBack(address == null ? fresh(addressKey, now) : current(address, now),
                account == null ? fresh(accountKey, now) : current(account, now), now);
    }

    /** @throws SignInThrottledException when either limit refuses this attempt; then nothing is counted */
    @Transactional
    Attempt count(String accountKey, String addressKey) {
        Instant now = clock.instant();
        // Always address first, then account: two attempts never wait for each other's rows in a circle.
        Row address = current(store.lock(addressKey, now), now);
        Row account = current(store.lock(accountKey, now), now);
        refuseIfHeldBack(address, account, now);
        int failures = account.failures() + 1;
        store.save(new Row(addressKey, address.failures() + 1, address.windowStart(), null, now));
        store.save(new Row(accountKey, failures, account.windowStart(),
                failures >= config.accountFreeAttempts() ? now.plus(waitAfter(failures, longestWait(accountKey))) : null,
                now));
        return new Attempt(accountKey, addressKey);
    }

    /** The password was right: the email's failures go, and the address gets its attempt back. */
    @Transactional
    void succeeded(Attempt attempt) {
        store.delete(attempt.accountKey());
        store.takeBack(attempt.addressKey(), config.addressAttempts());
    }

    /** The password could not be checked (the server was busy): the attempt was not a guess. */
    @Transactional
    void notMade(Attempt attempt) {
        store.takeBack(attempt.addressKey(), config.addressAttempts());
        store.takeBack(attempt.accountKey(), config.accountFreeAttempts());
    }

    /** Deletes rows that hold nothing back any more; answers how many. */
    @Transactional
    int purgeExpired() {
        return store.deleteQuietSince(clock.instant().minus(config.longestWindow()),
                clock.instant().minus(config.secondFactorWindow()), SECOND_FACTOR);
    }

    /** The wait after the n-th failure in a row: none before the last free one, then doubling, capped. */
    Duration waitAfter(int failures, Duration longest) {
        int doublings = failures - config.accountFreeAttempts();
        if (doublings < 0) {
            return Duration.ZERO;
        }
        Duration wait = config.accountFirstWait().multipliedBy(1L << Math.min(doublings, 30));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    private Duration longestWait(String key) {
        return key.startsWith(SECOND_FACTOR) ? config.secondFactorLongestWait() : config.accountLongestWait();
    }

    /** The row as the policy sees it now: an address's past window, or an email's quiet failures, start afresh. */
    private Row current(Row row, Instant now) {
        boolean isAddress = row.key().startsWith("address:");
        Instant from = isAddress ? row.windowStart() : quietSince(row);
        Duration window = isAddress ? config.addressWindow()
                : row.key().startsWith(SECOND_FACTOR) ? config.secondFactorWindow() : config.accountWindow();
        return now.isBefore(from.plus(window)) ? row : fresh(row.key(), now);
    }

    private void refuseIfHeldBack(Row address, Row account, Instant now) {
        Instant addressFree = address.failures() >= config.addressAttempts()
                ? address.windowStart().plus(config.addressWindow()) : null;
        Instant accountFree = account.lockedUntil() != null && now.isBefore(account.lockedUntil())
                ? account.lockedUntil() : null;
        if (addressFree == null && accountFree == null) {
            return;
        }
        Instant free = addressFree == null ? accountFree
                : accountFree == null || addressFree.isAfter(accountFree) ? addressFree : accountFree;
        throw new SignInThrottledException(addressFree != null ? SignInThrottledException.Limit.ADDRESS
                : SignInThrottledException.Limit.ACCOUNT, secondsUntil(now, free));
    }

    private static Row fresh(String key, Instant now) {
        return new Row(key, 0, now, null, now);
    }

    private static Instant quietSince(Row row) {
        return row.lockedUntil() != null && row.lockedUntil().isAfter(row.updatedAt()) ? row.lockedUntil() : row.updatedAt();
    }

    private static long secondsUntil(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
