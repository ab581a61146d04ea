package org.carereview.consult.core.audit;

/** What a member of staff did; the audit log records these with ids only, never content. */
public enum AuditAction {
    VIEW, CHANGE, NOTE, BULK_CHANGE, EXPORT, RELEASE, DELETE, SAFEGUARDING_ACTION, PHRASE_CHANGE, EXAMPLE_CHANGE,
    /** A list, search or export read: one event naming its filter and row count. */
    LIST, ERASE, SUBJECT_ACCESS, REDACTION_CHANGE, SETTING_CHANGE,
    /** A staff sign-in refused for too many attempts: the account's id if the email is one's, and which limit. */
    SIGN_IN_THROTTLED,
    /** A second factor set up, a code refused, a recovery code used, new recovery codes, or a reset (ADR 25). */
    SECOND_FACTOR,
    /** An account linked to the organisation's identity provider at its first sign-in there, or such a sign-in refused (ADR 28). */
    ORGANISATION_SIGN_IN,
    /** A public summary ("You said, we did", ADR 37) written, a quote added, approved or removed, published or unpublished. */
    PUBLIC_SUMMARY
}
