package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.notifications.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts: staff sign-in, invitations, disabling, and contributor accounts found by email. */
@Singleton
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final OneTimeTokens tokens;
    private final Outbox outbox;
    private final ConsultConfiguration configuration;
    private final Clock clock;
    private final AuditLog audit;
    private final ContributorAccountStore contributors;
    private final AccountStore store;

    AccountService(AccountRepository accounts, PasswordHasher hasher, OneTimeTokens tokens, Outbox outbox,
                   ConsultConfiguration configuration, Clock clock, AuditLog audit,
                   ContributorAccountStore contributors, AccountStore store) {
        this.audit = audit;
        this.contributors = contributors;
        this.store = store;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * The account whose email and password these are, if enabled. Always spends one password hash (a burnt one
     * for an unknown email), so timing tells nothing. Not in a transaction: the hash, the slow part, holds no
     * database connection (each read takes one briefly), so a flood of sign-ins cannot empty the pool.
     */
    public Optional<AccountView> authenticate(String email, String password) {
        Optional<Account> account = Emails.isValid(email) ? accounts.findByEmail(Emails.normalise(email)) : Optional.empty();
        if (account.isEmpty() || account.get().passwordHash() == null || account.get().disabled()) {
            hasher.burn(password);
            return Optional.empty();
        }
        return hasher.matches(password, account.get().passwordHash()) ? Optional.of(view(account.get())) : Optional.empty();
    }

    /** The id of the account this email address belongs to, if any; no password is checked. */
    @Transactional
    public Optional<UUID> idOf(String email) {
        return Emails.isValid(email) ? accounts.findByEmail(Emails.normalise(email)).map(Account::id) : Optional.empty();
    }

    @Transactional
    public Optional<AccountView> find(UUID id) {
        return accounts.findById(id).map(this::view);
    }

    /** Whether a token issued at this version is still good: the account exists, is enabled, unchanged. */
    @Transactional
    public boolean tokenIsCurrent(UUID id, int tokenVersion) {
        return accounts.findById(id).filter(a -> !a.disabled() && a.tokenVersion() == tokenVersion).isPresent();
    }

    /**
     * Ends every session of the account at once: its tokens carry the old version, which the next request
     * refuses. {@code by} is the administrator who ended someone else's sessions (audited); null when the
     * person signed out themselves.
     */
    @Transactional
    public void endSessions(UUID id, @Nullable UUID by) {
        Account account = accounts.findById(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "not-found", "Not Found", "No such account."));
        accounts.update(account.withSessionsEnded(clock.instant()));
        if (by != null) {
            audit.record(by, AuditAction.CHANGE, null, "sessions-ended account=" + id);
        }
    }

    @Transactional
    public List<AccountView> staff() {
        return accounts.findStaff().stream().map(this::view).toList();
    }

    /** Invites a member of staff; the audit log names who invited which account, with which role (ids only). */
    @Transactional
    public AccountView inviteStaff(String email, String role, @Nullable UUID by) {
        AccountView invited = inviteStaff(email, role);
        audit.record(by, AuditAction.CHANGE, null, "staff-invited account=" + invited.id() + " role=" + role.strip());
        return invited;
    }

    @Transactional
    public AccountView inviteStaff(String email, String role) {
        Role staffRole = staffRole(role);
        if (!Emails.isValid(email)) {
            throw new InvalidInputException("email", "Enter an email address in the correct format, like name@example.com");
        }
        Account account = findOrCreate(Emails.normalise(email));
        boolean staff = accounts.findRoles(account.id()).stream().map(Role::valueOf).anyMatch(Role::isStaff);
        if (staff && account.passwordHash() != null) {
            throw new InvalidInputException("email", account.email() + " already has a staff account. They can sign "
                    + "in with it" + (account.disabled() ? " once you enable it in the list above" : ""));
        }
        store.addRole(account.id(), staffRole.name());
        // Invited before and never accepted: this invitation replaces the earlier one, whose link stops working.
        tokens.revokeAll(account.id(), OneTimeTokens.Purpose.INVITATION, clock.instant());
        String token = tokens.issue(account.id(), OneTimeTokens.Purpose.INVITATION, clock.instant(),
                configuration.invitationLifetime());
        outbox.enqueue("staff-invitation", account.email(), Map.of(
                "link", configuration.link("/staff/invitation/" + token),
                "role", staffRole.label()));
        return view(account);
    }

    @Transactional
    public boolean invitationIsValid(String token) {
        return tokens.isValid(token, OneTimeTokens.Purpose.INVITATION, clock.instant());
    }

    /** Sets the password of an invited account; the invitation can be used once. */
    @Transactional
    public AccountView acceptInvitation(String token, String password, String confirmation) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "Password must be " + MIN_PASSWORD_LENGTH + " characters or more");
        }
        if (!password.equals(confirmation)) {
            throw new InvalidInputException("confirmPassword", "Passwords must match");
        }
        UUID id = tokens.redeem(token, OneTimeTokens.Purpose.INVITATION, clock.instant())
                .orElseThrow(AccountService::invitationGone);
        Account account = accounts.findById(id).orElseThrow(AccountService::invitationGone);
        return view(accounts.update(account.withPassword(hasher.hash(password), clock.instant())));
    }

    /** Disables or enables an account, audited as a change to the staff list by {@code by}. */
    @Transactional
    public AccountView setDisabled(UUID id, boolean disabled, @Nullable UUID by) {
        AccountView changed = setDisabled(id, disabled);
        audit.record(by, AuditAction.CHANGE, null, (disabled ? "staff-disabled" : "staff-enabled") + " account=" + id);
        return changed;
    }

    @Transactional
    public AccountView setDisabled(UUID id, boolean disabled) {
        Account account = accounts.findById(id)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such account."));
        Account changed = accounts.update(account.withDisabled(disabled, clock.instant()));
        if (disabled && !accounts.anyActiveAdministrator()) {
            throw new ProblemException(HttpStatus.CONFLICT, "last-administrator", "Cannot disable the last administrator",
                    "At least one administrator must stay enabled.");
        }
        return view(changed);
    }

    /** Creates a staff account with a password (the bootstrap administrator). */
    @Transactional
    public AccountView createStaff(String email, Role role, String password) {
        Account account = findOrCreate(Emails.normalise(email));
        store.addRole(account.id(), role.name());
        return view(accounts.update(account.withPassword(hasher.hash(password), clock.instant())));
    }

    @Transactional
    public boolean anyActiveAdministrator() {
        return accounts.anyActiveAdministrator();
    }

    /** The contributor account that owns what this address sends (created on first use). */
    @Transactional
    public UUID contributorFor(String email) {
        String address = Emails.normalise(email);
        Optional<UUID> found = contributors.findOrMake(address, clock.instant());
        if (found.isPresent()) {
            return found.get();
        }
        Account account = findOrCreate(address);
        store.addRole(account.id(), Role.CONTRIBUTOR.name());
        return account.id();
    }

    /**
     * The contributor accounts that own what these addresses send, each found or made (and given the contributor
     * role) as {@link #contributorFor} does, with one statement for them all.
     */
    @Transactional
    public Map<String, UUID> contributorsFor(Collection<String> emails) {
        List<String> addresses = emails.stream().map(Emails::normalise).distinct().sorted().toList();
        if (addresses.isEmpty()) {
            return Map.of();
        }
        Map<String, UUID> owners = new HashMap<>(contributors.findOrMakeAll(addresses, clock.instant()));
        addresses.stream().filter(a -> !owners.containsKey(a)).forEach(a -> owners.put(a, contributorFor(a)));
        return owners;
    }

    /** Safe when two first requests for a new address arrive together: the insert yields to the other. */
    private Account findOrCreate(String email) {
        return accounts.findByEmail(email).orElseGet(() -> {
            store.insertIfAbsent(UUID.randomUUID(), email, clock.instant());
            return accounts.findByEmail(email).orElseThrow();
        });
    }

    private AccountView view(Account account) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        accounts.findRoles(account.id()).forEach(r -> roles.add(Role.valueOf(r)));
        return new AccountView(account.id(), account.email(), roles, account.disabled(), account.tokenVersion());
    }

    private static Role staffRole(String role) {
        for (Role r : Role.STAFF) {
            if (r.name().equals(role)) {
                return r;
            }
        }
        throw new InvalidInputException("role", "Choose a role: REVIEWER, ADMIN or SAFEGUARDING_LEAD");
    }

    private static ProblemException invitationGone() {
        return new ProblemException(HttpStatus.NOT_FOUND, "invitation-not-found", "Invitation not found",
                "This invitation link has expired or has already been used. Ask an administrator for a new one.");
    }
}
