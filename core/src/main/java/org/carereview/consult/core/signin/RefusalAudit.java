package org.carereview.consult.core.signin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;

/** Audits a refused sign-in: the account's id if the email is one's (never the email), and which limit. */
@Singleton
class RefusalAudit {

    private final AccountService accounts;
    private final AuditLog audit;

    RefusalAudit(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** One transaction for the look-up and the row: a flood of refusals costs as little as it can. */
    @Transactional
    void record(String email, SignInThrottledException.Limit limit) {
        audit.record(accounts.idOf(email).orElse(null), AuditAction.SIGN_IN_THROTTLED, null, limit.detail());
    }

    /** A code for this account's second factor refused for too many attempts (detail {@code second-factor <limit>}). */
    @Transactional
    void record(java.util.UUID accountId, SignInThrottledException.Limit limit) {
        audit.record(accountId, AuditAction.SIGN_IN_THROTTLED, null, "second-factor " + limit.detail());
    }
}
