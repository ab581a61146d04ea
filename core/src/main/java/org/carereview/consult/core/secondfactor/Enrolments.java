package org.carereview.consult.core.secondfactor;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.qr.QrSvg;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Setting up: a new secret (160 random bits, sealed) is kept as pending and shown until a code made from it
 * confirms that the app has it; then it becomes the account's secret and ten recovery codes are made.
 */
@Singleton
class Enrolments {

    static final String PURPOSE = SealedColumn.SECOND_FACTOR_SECRET.purpose();
    static final String PENDING = SealedColumn.SECOND_FACTOR_PENDING.purpose();
    static final String ISSUER = "Care review consultation";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorStore store;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Enrolments(SecondFactorStore store, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pending secret to show (made now if there is none, the same one on a reload). */
    @Transactional
    SecondFactors.Enrolment begin(UUID accountId, String email) {
        SecondFactorStore.Row row = store.lock(accountId);
        if (row.secret() != null) {
            throw new IllegalStateException("this account has set up its second factor already");
        }
        String secret;
        if (row.pendingSecret() == null) {
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            secret = Base32.encode(bytes);
            store.save(new SecondFactorStore.Row(accountId, cipher.seal(secret, PENDING), null, null, null, row.dueFrom()));
        } else {
            secret = cipher.open(row.pendingSecret(), PENDING);
        }
        String uri = "otpauth://totp/" + encode(ISSUER) + ":" + encode(email) + "?secret=" + secret + "&issuer="
                + encode(ISSUER) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new SecondFactors.Enrolment(Base32.grouped(secret),
                QrSvg.of(uri, "QR code to scan with your authenticator app", 200));
    }

    /** The recovery codes, if this code is from the pending secret; then the secret is the account's. */
    @Transactional
    Optional<List<String>> confirm(UUID accountId, String code) {
        SecondFactorStore.Row row = store.lock(accountId);
        if (row.secret() != null || row.pendingSecret() == null) {
            return Optional.empty();
        }
        String secret = cipher.open(row.pendingSecret(), PENDING);
        OptionalLong step = Totp.matchingStep(Base32.decode(secret), code, clock.instant(), null);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        store.save(new SecondFactorStore.Row(accountId, null, cipher.seal(secret, PURPOSE), clock.instant(),
                step.getAsLong(), row.dueFrom()));
        audit.record(accountId, AuditAction.SECOND_FACTOR, null, "enrolled");
        return Optional.of(replaceRecoveryCodes(accountId));
    }

    /** A new set of recovery codes, replacing the old set. */
    List<String> replaceRecoveryCodes(UUID accountId) {
        List<String> codes = RecoveryCodes.generate();
        store.replaceRecoveryCodes(accountId, codes.stream().map(RecoveryCodes::hash).toList(), clock.instant());
        return codes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
