package org.carereview.consult.core.secondfactor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.signin.StaffSignIn;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A second factor for staff (ADR 25): TOTP codes from an authenticator app, or a recovery code once each.
 * Wrong codes are throttled like wrong passwords (ADR 23), per account and per client address.
 */
@Singleton
public class SecondFactors {

    /** Where an account stands. */
    public enum State {
        /** Not set up, and its roles do not need one. */
        NOT_NEEDED,
        /** Set up: every sign-in needs a code. */
        ENROLLED,
        /** Must set one up; until {@code enrolBy} its password alone still gets an API token. */
        MUST_ENROL,
        /** Must set one up, and the time for API tokens without one is over: only the browser sign-in sets it up. */
        OVERDUE
    }

    public record Status(State state, @Nullable Instant enrolBy) {

        /** Whether a sign-in must go through the code or set-up page before it gets a session. */
        public boolean needsSecondStep() {
            return state != State.NOT_NEEDED;
        }
    }

    /** What the set-up page shows: the secret in groups of 4 for typing in, and the QR code as an SVG. */
    public record Enrolment(String secret, String qrSvg) {
    }

    private final SecondFactorStore store;
    private final SecondFactorConfiguration config;
    private final Enrolments enrolments;
    private final CodeCheck codes;
    private final StaffSignIn signIn;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactors(SecondFactorStore store, SecondFactorConfiguration config, Enrolments enrolments, CodeCheck codes,
                  StaffSignIn signIn, AccountService accounts, AuditLog audit, Clock clock) {
        this.store = store;
        this.config = config;
        this.enrolments = enrolments;
        this.codes = codes;
        this.signIn = signIn;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Status status(AccountView account) {
        Optional<SecondFactorStore.Row> row = store.find(account.id());
        if (row.isPresent() && row.get().secret() != null) {
            return new Status(State.ENROLLED, null);
        }
        if (account.roles().stream().noneMatch(config.requiredRoles()::contains)) {
            return new Status(State.NOT_NEEDED, null);
        }
        Instant from = row.map(SecondFactorStore.Row::dueFrom)
                .or(() -> store.accountCreatedAt(account.id())).orElseGet(clock::instant);
        Instant enrolBy = from.plus(config.enrolWithin());
        return new Status(clock.instant().isBefore(enrolBy) ? State.MUST_ENROL : State.OVERDUE, enrolBy);
    }

    /** The secret to set up (the same one until it is confirmed). */
    public Enrolment begin(AccountView account) {
        return enrolments.begin(account.id(), account.email());
    }

    /** The ten recovery codes to show once, if this code is from the secret being set up; else empty. */
    public Optional<List<String>> confirm(UUID accountId, String code) {
        return enrolments.confirm(accountId, code == null ? "" : code);
    }

    /**
     * Whether this is a good code (6 digits, or a recovery code) for the account, counted by the sign-in throttle.
     *
     * @throws org.carereview.consult.core.signin.SignInThrottledException (429) after too many wrong codes
     */
    public boolean check(UUID accountId, @Nullable String code, HttpRequest<?> request) {
        String typed = code == null ? "" : code.strip();
        return signIn.secondStep(accountId, request, () -> codes.verify(accountId, typed));
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(UUID accountId) {
        return store.recoveryCodesLeft(accountId);
    }

    /** A new set of ten recovery codes to show once; the old set stops working. */
    @Transactional
    public List<String> newRecoveryCodes(UUID accountId) {
        if (store.lock(accountId).secret() == null) {
            throw new IllegalStateException("no second factor is set up");
        }
        audit.record(accountId, AuditAction.SECOND_FACTOR, null, "new-recovery-codes");
        return enrolments.replaceRecoveryCodes(accountId);
    }

    /**
     * An administrator ({@code by}) takes away this person's second factor, lost with a phone: they set up a new
     * one when they next sign in, and every session they have ends now.
     */
    @Transactional
    public void reset(UUID accountId, UUID by) {
        accounts.endSessions(accountId, by);
        store.lock(accountId);
        store.save(new SecondFactorStore.Row(accountId, null, null, null, null, clock.instant()));
        store.deleteRecoveryCodes(accountId);
        audit.record(by, AuditAction.SECOND_FACTOR, null, "reset account=" + accountId);
    }
}
