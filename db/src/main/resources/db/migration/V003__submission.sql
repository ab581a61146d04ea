-- The one common record every channel writes; each channel adds its own detail table.
CREATE TABLE submission (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    kind          text        NOT NULL CHECK (kind IN ('CALL_FOR_ADVICE', 'EBE_APPLICATION', 'DEEP_DIVE_FEEDBACK')),
    reference     text        NOT NULL UNIQUE CHECK (reference ~ '^(CFA|EBE|DDF)-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
    status        text        NOT NULL DEFAULT 'NEW'
                              CHECK (status IN ('NEW', 'IN_REVIEW', 'ACTIONED', 'ARCHIVED', 'QUARANTINED', 'WITHDRAWN')),
    owner_id      uuid        REFERENCES account (id) ON DELETE SET NULL,
    assignee_id   uuid        REFERENCES account (id) ON DELETE SET NULL,
    area_id       uuid        REFERENCES area (id),
    themes        text[]      NOT NULL DEFAULT '{}',
    dilemmas      text[]      NOT NULL DEFAULT '{}',
    safeguarding  boolean     NOT NULL DEFAULT false,
    submitted_at  timestamptz NOT NULL,
    -- Filled by each channel from its free text (English configuration), for staff search.
    search_vector tsvector    NOT NULL DEFAULT ''::tsvector,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX submission_queue ON submission (status, submitted_at DESC, id);
CREATE INDEX submission_kind ON submission (kind, submitted_at DESC, id);
CREATE INDEX submission_owner ON submission (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX submission_assignee ON submission (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX submission_area ON submission (area_id) WHERE area_id IS NOT NULL;
CREATE INDEX submission_themes ON submission USING gin (themes);
CREATE INDEX submission_dilemmas ON submission USING gin (dilemmas);
CREATE INDEX submission_search ON submission USING gin (search_vector);

-- Channel 1: call for advice.
CREATE TABLE advice_submission (
    submission_id      uuid    PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    respondent_type    text    NOT NULL CHECK (respondent_type IN ('CARE_EXPERIENCED', 'PARENT_OR_FAMILY',
                                   'FOSTER_OR_KINSHIP_CARER', 'PRACTITIONER', 'ORGANISATION', 'OTHER')),
    organisation       text,
    key_questions      text,
    engagement_advice  text,
    resources          text,
    groups_to_speak_to text,
    contact_email      text,
    consent_to_contact boolean NOT NULL,
    consent_to_publish boolean NOT NULL
);
