package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in through the organisation's identity provider (OpenID Connect, ADR 28), after the provider has proved who
 * the person is: which member of staff, if any, that is here. The provider grants nothing: roles come from the
 * account an administrator made here. The first sign-in links the provider's subject to the enabled staff account
 * with the provider's verified email; later ones are found by the subject alone. Links and refusals are audited
 * (ids and a reason, never an email).
 */
@Singleton
public class OrganisationSignIn {

    /** Why a sign-in through the provider was refused; the sign-in page words each one. */
    public enum Refusal { NO_EMAIL, EMAIL_NOT_VERIFIED, NO_STAFF_ACCOUNT, ACCOUNT_DISABLED, LINKED_TO_SOMEONE_ELSE }

    /** The member of staff signed in, or why not. */
    public record Outcome(@Nullable AccountView account, @Nullable Refusal refusal) {
        static Outcome of(AccountView account) {
            return new Outcome(account, null);
        }

        static Outcome refused(Refusal why) {
            return new Outcome(null, why);
        }
    }

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final StaffIdentityStore identities;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationSignIn(AccountRepository accounts, AccountService accountService, StaffIdentityStore identities,
                       AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The member of staff the provider {@code issuer} says this is. {@code emailVerified} null means the provider
     * does not say (some never send the claim); false refuses.
     */
    @Transactional
    public Outcome signIn(String issuer, String subject, @Nullable String email, @Nullable Boolean emailVerified) {
        Optional<UUID> linked = identities.accountOf(issuer, subject);
        if (linked.isPresent()) {
            return usable(linked.get(), accountService.find(linked.get()).orElse(null));
        }
        if (email == null || !Emails.isValid(email)) {
            return refuse(null, Refusal.NO_EMAIL);
        }
        if (Boolean.FALSE.equals(emailVerified)) {
            return refuse(null, Refusal.EMAIL_NOT_VERIFIED);
        }
        Optional<AccountView> account = accounts.findByEmail(Emails.normalise(email)).flatMap(a -> accountService.find(a.id()));
        if (account.isEmpty() || !account.get().isStaff()) {
            return refuse(null, Refusal.NO_STAFF_ACCOUNT);
        }
        if (account.get().disabled()) {
            return refuse(account.get().id(), Refusal.ACCOUNT_DISABLED);
        }
        if (!identities.link(issuer, subject, account.get().id(), clock.instant())) {
            return refuse(account.get().id(), Refusal.LINKED_TO_SOMEONE_ELSE);
        }
        audit.record(account.get().id(), AuditAction.ORGANISATION_SIGN_IN, null, "linked");
        return Outcome.of(account.get());
    }

    private Outcome usable(UUID id, @Nullable AccountView account) {
        if (account == null || !account.isStaff()) {
            return refuse(id, Refusal.NO_STAFF_ACCOUNT);
        }
        return account.disabled() ? refuse(id, Refusal.ACCOUNT_DISABLED) : Outcome.of(account);
    }

    private Outcome refuse(@Nullable UUID account, Refusal why) {
        audit.record(account, AuditAction.ORGANISATION_SIGN_IN, null, "refused " + why.name().toLowerCase(java.util.Locale.ROOT));
        return Outcome.refused(why);
    }
}
