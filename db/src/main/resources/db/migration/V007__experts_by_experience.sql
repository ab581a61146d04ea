-- Channel 2: the Experts by Experience group. The application window is data, set by administrators as
-- local date-times in Europe/London and stored as instants. One row: the window of this review.
CREATE TABLE ebe_window (
    id         integer     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    opens_at   timestamptz NOT NULL,
    closes_at  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid        REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT ebe_window_closes_after_it_opens CHECK (closes_at > opens_at)
);

-- An application beside its common submission record. Identity, contact, date of birth and the trusted
-- adult live here; equality monitoring lives in its own table and is never joined for scoring.
CREATE TABLE ebe_application (
    submission_id              uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    outcome                    text        NOT NULL DEFAULT 'SUBMITTED'
                                           CHECK (outcome IN ('SUBMITTED', 'SHORTLISTED', 'SELECTED', 'WAITLISTED',
                                                              'DECLINED', 'WITHDRAWN')),
    experiences                text[]      NOT NULL DEFAULT '{}',
    name                       text,
    preferred_name             text,
    date_of_birth              date,
    age_band                   text        CHECK (age_band IN ('UNDER_16', 'AGE_16_17', 'AGE_18_25', 'AGE_26_PLUS')),
    region                     text        REFERENCES region (code),
    email                      text,
    phone                      text,
    trusted_adult_name         text,
    trusted_adult_relationship text,
    trusted_adult_email        text,
    trusted_adult_phone        text,
    experience_story           text,
    motivation                 text,
    availability               text,
    access_needs               text,
    support_needs              text,
    consent_data_use           boolean     NOT NULL DEFAULT false,
    consent_contact_trusted_adult boolean  NOT NULL DEFAULT false,
    outcome_changed_at         timestamptz
);
CREATE INDEX ebe_application_outcome ON ebe_application (outcome);
CREATE INDEX ebe_application_region ON ebe_application (region);
CREATE INDEX ebe_application_age_band ON ebe_application (age_band);
CREATE INDEX ebe_application_experiences ON ebe_application USING gin (experiences);

-- Optional equality monitoring, stored apart from the application.
CREATE TABLE ebe_equality (
    submission_id uuid  PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    answers       jsonb NOT NULL DEFAULT '{}'::jsonb
);
