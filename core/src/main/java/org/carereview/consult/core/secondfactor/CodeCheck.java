package org.carereview.consult.core.secondfactor;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.crypto.FieldCipher;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Checks a code at sign-in, the account's row locked so two requests cannot both use one code: a 6-digit code
 * for a step after the last one accepted, or an unused recovery code (then used). A refusal is audited; what was
 * typed never is.
 */
@Singleton
class CodeCheck {

    private final SecondFactorStore store;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    CodeCheck(SecondFactorStore store, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    boolean verify(UUID accountId, String typed) {
        SecondFactorStore.Row row = store.lock(accountId);
        if (row.secret() == null) {
            return false;
        }
        if (RecoveryCodes.looksLikeOne(typed)) {
            if (store.useRecoveryCode(accountId, RecoveryCodes.hash(typed), clock.instant())) {
                audit.record(accountId, AuditAction.SECOND_FACTOR, null, "recovery-code-used left="
                        + store.recoveryCodesLeft(accountId));
                return true;
            }
        } else {
            byte[] key = Base32.decode(cipher.open(row.secret(), Enrolments.PURPOSE));
            OptionalLong step = Totp.matchingStep(key, typed, clock.instant(), row.lastStep());
            if (step.isPresent()) {
                store.save(new SecondFactorStore.Row(accountId, null, row.secret(), row.enrolledAt(),
                        step.getAsLong(), row.dueFrom()));
                return true;
            }
        }
        audit.record(accountId, AuditAction.SECOND_FACTOR, null, "code-refused");
        return false;
    }
}
