-- Keys an administrator issues to an integration (a dashboard, a script), so that it never uses a person's
-- password (ADR 26). Only the SHA-256 of the key is kept: the key is shown once, when it is issued. The prefix
-- is public (it is the start of the key) and names the key in lists and in the audit log. A key acts with a
-- reviewer's view at most (scope READ or REVIEW), until it expires or is revoked.
CREATE TABLE api_key (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       text        NOT NULL UNIQUE CHECK (prefix ~ '^[0-9a-hjkmnp-tv-z]{8}$'),
    key_hash     text        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    scope        text        NOT NULL CHECK (scope IN ('READ', 'REVIEW')),
    created_by   uuid        REFERENCES account (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days'),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   uuid        REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX api_key_listed ON api_key (created_at DESC, id);
