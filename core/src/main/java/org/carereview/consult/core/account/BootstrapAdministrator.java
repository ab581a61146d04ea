package org.carereview.consult.core.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the first administrator at start-up when none exists: from CONSULT_BOOTSTRAP_ADMIN_EMAIL and
 * CONSULT_BOOTSTRAP_ADMIN_PASSWORD, or, in demo mode only, {@code admin@localhost} with a random
 * password printed once to the console. Nodes starting together take turns (a PostgreSQL advisory lock held for
 * the transaction), so the first creates the administrator and the others find it: one account, no node failing
 * to start on the other's row.
 */
@Singleton
class BootstrapAdministrator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdministrator.class);
    static final String DEMO_EMAIL = "admin@localhost";

    /** The advisory lock's key: any fixed number no other lock in the schema uses. */
    static final long LOCK = 0x636f6e73756c7401L;

    private final AccountService accounts;
    private final ConsultConfiguration configuration;
    private final AdvisoryLockStore locks;
    private final String email;
    private final String password;

    BootstrapAdministrator(AccountService accounts, ConsultConfiguration configuration, AdvisoryLockStore locks,
                           @Nullable @Value("${consult.bootstrap-admin.email:}") String email,
                           @Nullable @Value("${consult.bootstrap-admin.password:}") String password) {
        this.accounts = accounts;
        this.configuration = configuration;
        this.locks = locks;
        this.email = email;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        locks.whileLocked(LOCK, this::createIfNone);
    }

    private void createIfNone() {
        if (accounts.anyActiveAdministrator()) {
            return;
        }
        if (email != null && !email.isBlank()) {
            if (password == null || password.length() < AccountService.MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("CONSULT_BOOTSTRAP_ADMIN_PASSWORD must be at least "
                        + AccountService.MIN_PASSWORD_LENGTH + " characters");
            }
            if (!Emails.isValid(email)) {
                throw new IllegalStateException("CONSULT_BOOTSTRAP_ADMIN_EMAIL is not an email address");
            }
            accounts.createStaff(email, Role.ADMIN, password);
            LOG.info("Created the first administrator from CONSULT_BOOTSTRAP_ADMIN_EMAIL");
        } else if (configuration.demoMode()) {
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            accounts.createStaff(DEMO_EMAIL, Role.ADMIN, generated);
            // Printed once, to the console only: this is the demo's own throw-away administrator.
            System.out.println("""

                    ================================================================
                     Demo administrator: %s
                     Password (shown once): %s
                     Staff sign-in: %s
                    ================================================================
                    """.formatted(DEMO_EMAIL, generated, configuration.link("/staff/sign-in")));
        } else {
            LOG.warn("No administrator exists. Set CONSULT_BOOTSTRAP_ADMIN_EMAIL and CONSULT_BOOTSTRAP_ADMIN_PASSWORD.");
        }
    }
}
