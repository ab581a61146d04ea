-- Message templates: seeded from the files in notifications/templates on first start, then edited by
-- administrators in the staff console. Every saved version is kept, so a change can be seen and undone.
CREATE TABLE message_template (
    id         text        PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    subject    text        NOT NULL,
    body       text        NOT NULL,
    version    integer     NOT NULL CHECK (version >= 1),
    updated_at timestamptz NOT NULL,
    updated_by uuid        REFERENCES account (id) ON DELETE SET NULL
);

CREATE TABLE message_template_version (
    template_id text        NOT NULL REFERENCES message_template (id) ON DELETE CASCADE,
    version     integer     NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (template_id, version)
);
