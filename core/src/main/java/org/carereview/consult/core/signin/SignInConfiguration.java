package org.carereview.consult.core.signin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code consult.sign-in.*}: how staff sign-in slows password guessing (ADR 23). Two more settings under the same
 * prefix cap the hashing itself, read by the account module: {@code hashing-permits} (0: one per processor) and
 * {@code hashing-wait} (1s).
 *
 * @param accountFreeAttempts wrong passwords for one email address before each attempt must wait
 * @param accountWindow       an email's failures are forgotten after this long with no attempt and no wait left
 * @param accountFirstWait    the wait after the last free attempt; it doubles with each further wrong password
 * @param accountLongestWait  the longest wait: the owner is slowed, never locked out for long
 * @param addressAttempts     failed attempts one client address (an IPv6 /64) may make in a window, any emails
 * @param addressWindow       the address's window, from its first attempt; beyond the limit it waits for the end
 * @param secondFactorLongestWait the longest wait after wrong second-factor codes (ADR 25), counted like an
 *                            email's but with their own key: far longer, so six digits cannot be guessed
 * @param secondFactorWindow  wrong second-factor codes are forgotten after this long with no attempt and no wait left
 */
@ConfigurationProperties("consult.sign-in")
record SignInConfiguration(
        @Bindable(defaultValue = "5") int accountFreeAttempts,
        @Bindable(defaultValue = "15m") Duration accountWindow,
        @Bindable(defaultValue = "1m") Duration accountFirstWait,
        @Bindable(defaultValue = "15m") Duration accountLongestWait,
        @Bindable(defaultValue = "30") int addressAttempts,
        @Bindable(defaultValue = "10m") Duration addressWindow,
        @Bindable(defaultValue = "1d") Duration secondFactorLongestWait,
        @Bindable(defaultValue = "1d") Duration secondFactorWindow) {

    SignInConfiguration {
        if (accountFreeAttempts < 1 || addressAttempts < 1) {
            throw new ConfigurationException("consult.sign-in.account-free-attempts and address-attempts must be 1 or more");
        }
        if (!positive(accountWindow) || !positive(accountFirstWait) || !positive(addressWindow)
                || accountLongestWait.compareTo(accountFirstWait) < 0 || !positive(secondFactorWindow)
                || secondFactorLongestWait == null || secondFactorLongestWait.compareTo(accountFirstWait) < 0) {
            throw new ConfigurationException("consult.sign-in windows and waits must be positive, and the longest "
                    + "wait no shorter than the first");
        }
    }

    /** Rows quiet for longer than this hold nothing back and may be deleted (second-factor rows: their window). */
    Duration longestWindow() {
        return accountWindow.compareTo(addressWindow) >= 0 ? accountWindow : addressWindow;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
