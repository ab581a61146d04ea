package org.carereview.consult.core.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real hasher, counting the passwords it checks (burnt checks for unknown emails included), for tests that
 * prove a refused sign-in spent no hash. On with {@link #PROPERTY}{@code =true}.
 */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(property = CountingPasswordHasher.PROPERTY, value = "true")
public class CountingPasswordHasher extends PasswordHasher {

    public static final String PROPERTY = "consult.test.count-hashing";

    private final AtomicInteger checks = new AtomicInteger();

    CountingPasswordHasher(ConsultConfiguration configuration, HashingPermits permits) {
        super(configuration, permits);
    }

    @Override
    boolean matches(String password, String stored) {
        checks.incrementAndGet();
        return super.matches(password, stored);
    }

    /** Passwords checked so far. */
    public int checks() {
        return checks.get();
    }
}
