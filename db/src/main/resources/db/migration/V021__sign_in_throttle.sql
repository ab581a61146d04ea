-- Password guessing on staff sign-in is throttled (ADR 23): one row per account and per client address that
-- has tried to sign in lately. The key is 'account:' or 'address:' and 32 hex characters of a keyed hash
-- (HMAC-SHA256) of the normalised email or the client's network: never the address itself. Shared by every
-- node; the retention purge deletes rows once they no longer hold anything back.
CREATE TABLE sign_in_throttle (
    key          text        PRIMARY KEY CHECK (key ~ '^(account|address):[0-9a-f]{32}$'),
    failures     integer     NOT NULL CHECK (failures >= 0),
    window_start timestamptz NOT NULL,
    locked_until timestamptz,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX sign_in_throttle_updated ON sign_in_throttle (updated_at);

-- A refused attempt is audited, with the account's id when the email belongs to one and never the email.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('VIEW', 'CHANGE', 'NOTE',
    'BULK_CHANGE', 'EXPORT', 'RELEASE', 'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE', 'EXAMPLE_CHANGE',
    'LIST', 'ERASE', 'SUBJECT_ACCESS', 'REDACTION_CHANGE', 'SETTING_CHANGE', 'SIGN_IN_THROTTLED'));
