-- A second factor for staff (ADR 25): a TOTP secret (RFC 6238) per member of staff, sealed with the field cipher
-- (ADR 18) and never stored in clear, and ten recovery codes stored only as SHA-256 hashes, each usable once.
-- A row with no secret is an account that must (still or again) set one up: due_from is when an administrator
-- reset it, from which the API's enrolment deadline counts (otherwise from the account's creation).
CREATE TABLE second_factor (
    account_id     uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    -- The secret being set up: shown as a QR code until a code from it confirms it.
    pending_secret text,
    secret         text,
    enrolled_at    timestamptz,
    -- The last 30-second time step a code was accepted for: a code is never accepted twice.
    last_step      bigint,
    due_from       timestamptz NOT NULL,
    CHECK ((secret IS NULL) = (enrolled_at IS NULL))
);

CREATE TABLE recovery_code (
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  text        NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);

-- Wrong codes are throttled like wrong passwords (ADR 23), under a key of their own per account, with far longer
-- waits: 'second-factor:' and a keyed hash of the account's id.
ALTER TABLE sign_in_throttle DROP CONSTRAINT sign_in_throttle_key_check;
ALTER TABLE sign_in_throttle ADD CONSTRAINT sign_in_throttle_key_check
    CHECK (key ~ '^(account|address|second-factor):[0-9a-f]{32}$');

-- Setting up, refused codes, used recovery codes, new recovery codes and resets are audited (never a code).
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('VIEW', 'CHANGE', 'NOTE',
    'BULK_CHANGE', 'EXPORT', 'RELEASE', 'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE', 'EXAMPLE_CHANGE',
    'LIST', 'ERASE', 'SUBJECT_ACCESS', 'REDACTION_CHANGE', 'SETTING_CHANGE', 'SIGN_IN_THROTTLED', 'SECOND_FACTOR'));
