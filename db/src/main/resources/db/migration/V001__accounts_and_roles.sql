-- Accounts: staff sign in with a password; contributors are an email address proven by a magic link.
CREATE TABLE role (
    code        text PRIMARY KEY,
    description text NOT NULL
);

INSERT INTO role (code, description) VALUES
    ('CONTRIBUTOR',       'Someone who sends views or applies; proven by an emailed sign-in link'),
    ('REVIEWER',          'Review staff who read, tag and act on submissions'),
    ('ADMIN',             'Manages the application window, selection, areas, staff and templates'),
    ('SAFEGUARDING_LEAD', 'Receives and acts on possible safeguarding disclosures');

CREATE TABLE account (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    password_hash text,
    disabled      boolean     NOT NULL DEFAULT false,
    -- Every issued token carries this number; bumping it (on disable, password change) revokes them all.
    token_version integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT account_email_is_lower_case CHECK (email = lower(email))
);
CREATE UNIQUE INDEX account_email_key ON account (email);

CREATE TABLE account_role (
    account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       text NOT NULL REFERENCES role (code),
    PRIMARY KEY (account_id, role)
);

-- One-time tokens (staff invitations, contributor magic links). Only a hash is stored.
CREATE TABLE account_token (
    token_hash text        PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('INVITATION', 'MAGIC_LINK')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX account_token_account ON account_token (account_id);
