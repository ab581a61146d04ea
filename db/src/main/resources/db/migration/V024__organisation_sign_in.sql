-- Staff may sign in through the organisation's identity provider (OpenID Connect, ADR 28) where one is configured.
-- Roles are still granted here: only an account an administrator made here can sign in that way. The first such
-- sign-in links the provider's subject (its lasting id for the person) to the account with that email; later
-- sign-ins are found by the subject alone, so a provider that gives the email to someone else later cannot reach
-- the account. Deleting the account deletes its links.
CREATE TABLE staff_identity (
    issuer     text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    linked_at  timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject),
    UNIQUE (account_id, issuer)
);

-- Linking an account and refusing a sign-in through the identity provider are audited (ids only, never an email).
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('VIEW', 'CHANGE', 'NOTE',
    'BULK_CHANGE', 'EXPORT', 'RELEASE', 'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE', 'EXAMPLE_CHANGE',
    'LIST', 'ERASE', 'SUBJECT_ACCESS', 'REDACTION_CHANGE', 'SETTING_CHANGE', 'SIGN_IN_THROTTLED', 'SECOND_FACTOR',
    'ORGANISATION_SIGN_IN'));
