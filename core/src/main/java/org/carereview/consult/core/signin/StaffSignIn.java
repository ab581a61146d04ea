package org.carereview.consult.core.signin;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.ratelimit.BucketKeys;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Staff sign-in with email and password, for the API and the sign-in page alike, throttled per email and per
 * client address (ADR 23). The email is counted by a keyed hash of its normalised form and the address by a keyed
 * hash of its network, as the public rate limit does; neither is stored, audited or logged.
 */
@Singleton
public class StaffSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(StaffSignIn.class);

    private final SignInThrottle throttle;
    private final RefusalAudit refusals;
    private final AccountService accounts;
    private final BucketKeys keys;
    private final RateLimiter rateLimiter;

    StaffSignIn(SignInThrottle throttle, RefusalAudit refusals, AccountService accounts, BucketKeys keys,
                RateLimiter rateLimiter) {
        this.throttle = throttle;
        this.refusals = refusals;
        this.accounts = accounts;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
    }

    /**
     * The member of staff these are the email and password of, if any. A throttled attempt is refused before its
     * password is hashed, and audited (the account's id if the email is one's, and which limit; never the email).
     *
     * @throws SignInThrottledException (429) when this email or this address has had too many attempts
     * @throws org.carereview.consult.core.problem.RetryLaterException (503) when hashing is too busy; not counted
     */
    public Optional<AccountView> signIn(String email, String password, HttpRequest<?> request) {
        SignInThrottle.Attempt attempt;
        try {
            String accountKey = keys.keyOfValue("account", Emails.normalise(email));
            String addressKey = keys.key("address", rateLimiter.clientAddress(request));
            throttle.refuseEarly(accountKey, addressKey);
            attempt = throttle.count(accountKey, addressKey);
        } catch (SignInThrottledException refused) {
            refusals.record(email, refused.limit());
            LOG.debug("Refused a staff sign-in before checking its password: too many attempts for this {}",
                    refused.limit().detail());
            throw refused;
        }
        Optional<AccountView> staff;
        try {
            staff = accounts.authenticate(email, password).filter(AccountView::isStaff);
        } catch (RuntimeException notChecked) {
            throttle.notMade(attempt);
            throw notChecked;
        }
        if (staff.isPresent()) {
            throttle.succeeded(attempt);
        }
        return staff;
    }

    /**
     * A code for an account's second factor (ADR 25), throttled like a password: counted per account (a key of its
     * own, apart from the email's, whose waits grow far longer) and per client address, refused before
     * {@code check} runs when either has had too many wrong codes, and forgotten once a code is right.
     *
     * @throws SignInThrottledException (429) when this account or this address has had too many attempts
     */
    public boolean secondStep(UUID accountId, HttpRequest<?> request, BooleanSupplier check) {
        SignInThrottle.Attempt attempt;
        try {
            String accountKey = keys.keyOfValue("second-factor", accountId.toString());
            String addressKey = keys.key("address", rateLimiter.clientAddress(request));
            throttle.refuseEarly(accountKey, addressKey);
            attempt = throttle.count(accountKey, addressKey);
        } catch (SignInThrottledException refused) {
            refusals.record(accountId, refused.limit());
            throw refused;
        }
        boolean right;
        try {
            right = check.getAsBoolean();
        } catch (RuntimeException notChecked) {
            throttle.notMade(attempt);
            throw notChecked;
        }
        if (right) {
            throttle.succeeded(attempt);
        }
        return right;
    }

    /** Deletes counters that hold nothing back any more (the retention purge calls this); answers how many. */
    public int purgeExpired() {
        return throttle.purgeExpired();
    }
}
