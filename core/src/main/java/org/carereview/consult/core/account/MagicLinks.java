package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.notifications.Outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contributors sign in with an emailed link: no password, no account to set up. The link works once,
 * for 15 minutes, and only its SHA-256 is stored. Asking for a link answers the same way for every
 * well-formed address, whether or not it has sent anything, so nobody can learn who has taken part.
 *
 * <p>A link proves only that the person can read that inbox, so it signs them in as a contributor,
 * whatever other roles the account has: staff use their password at {@code /staff/sign-in}.
 */
@Singleton
public class MagicLinks {

    /** How long an emailed link works (the {@code sign-in-link} email says 15 minutes). */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    static final String TEMPLATE = "sign-in-link";

    private final AccountService accounts;
    private final OneTimeTokens tokens;
    private final Outbox outbox;
    private final ConsultConfiguration configuration;
    private final Clock clock;

    MagicLinks(AccountService accounts, OneTimeTokens tokens, Outbox outbox, ConsultConfiguration configuration,
               Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Emails a sign-in link to this address, creating its contributor account on first use; the token
     * and its email are stored in one transaction. Answers nothing, so callers cannot tell a known
     * address from a new one.
     *
     * @throws InvalidInputException (field {@code email}) if the address is missing or not an email address
     */
    @Transactional
    public void request(@Nullable String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException(List.of(FieldError.of("email", "account.error.email.missing")));
        }
        if (!Emails.isValid(email)) {
            throw new InvalidInputException(List.of(FieldError.of("email", "account.error.email.format")));
        }
        UUID id = accounts.contributorFor(email);
        AccountView account = accounts.find(id).orElseThrow();
        if (account.disabled()) {
            return; // a disabled account cannot sign in; the answer is the same as for anyone else
        }
        String token = tokens.issue(id, OneTimeTokens.Purpose.MAGIC_LINK, clock.instant(), LIFETIME);
        outbox.enqueue(TEMPLATE, account.email(), Map.of("link", configuration.link("/sign-in/" + token)));
    }

    /** Whether this link would sign someone in now, without using it (to show the "Sign in" button). */
    @Transactional
    public boolean isValid(@Nullable String token) {
        return token != null && !token.isBlank()
                && tokens.isValid(token, OneTimeTokens.Purpose.MAGIC_LINK, clock.instant());
    }

    /**
     * Uses the link: marks it used and answers the account it signs in, as a contributor only. Empty for
     * a link that is unknown, already used, expired, or whose account has been disabled.
     */
    @Transactional
    public Optional<AccountView> redeem(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return tokens.redeem(token, OneTimeTokens.Purpose.MAGIC_LINK, clock.instant())
                .flatMap(accounts::find)
                .filter(account -> !account.disabled())
                .map(account -> new AccountView(account.id(), account.email(), EnumSet.of(Role.CONTRIBUTOR),
                        false, account.tokenVersion()));
    }
}
