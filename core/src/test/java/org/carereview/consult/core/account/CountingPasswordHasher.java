package org.carereview.consult.core.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real hasher, counting the passwords it checks (burnt checks for unknown emails included) and the passwords
 * it hashes to store, for tests that prove a refused sign-in spent no hash or that a password was set once. On with {@link #PROPERTY}{@code =true}.
 */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(property = CountingPasswordHasher.PROPERTY, value = "true")
public class CountingPasswordHasher extends PasswordHasher {

    public static final String PROPERTY = "consult.test.count-hashing";

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger hashes = new AtomicInteger();

    CountingPasswordHasher(ConsultConfiguration configuration, HashingPermits permits) {
        super(configuration, permits);
    }

    @Override
    boolean matches(String password, String stored) {
        checks.incrementAndGet();
        return super.matches(password, stored);
    }

    @Override
    String hash(String password) {
        if (hashes != null) { // null while the parent's constructor hashes its stand-in password
            hashes.incrementAndGet();
        }
        return super.hash(password);
    }

    /** Passwords hashed to be stored so far. */
    public int hashes() {
        return hashes.get();
    }

    /** Passwords checked so far. */
    public int checks() {
        return checks.get();
    }
}
