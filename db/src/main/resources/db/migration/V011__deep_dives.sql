-- Channel 3: deep dives. The review visits ten areas (seeded in V002), holds sessions there, and records
-- feedback cards: given by participants through a link (a short token URL, printed as a QR code) or
-- entered by a facilitator (one at a time, many at once, or from a CSV file).

-- Who last changed an area's attributes (administrators edit them).
ALTER TABLE area ADD COLUMN updated_by uuid REFERENCES account (id) ON DELETE SET NULL;

CREATE TABLE deep_dive_session (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id     uuid        NOT NULL REFERENCES area (id),
    held_on     date        NOT NULL,
    audience    text        NOT NULL CHECK (audience IN ('FAMILIES', 'CARE_EXPERIENCED_YOUNG_PEOPLE',
                                'CARE_EXPERIENCED_ADULTS', 'PRACTITIONERS', 'LEADERS')),
    facilitator text,
    notes       text,
    created_by  uuid        REFERENCES account (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    -- Lets links and feedback check that their session belongs to their area.
    UNIQUE (id, area_id)
);
CREATE INDEX deep_dive_session_area ON deep_dive_session (area_id, held_on);

-- A participant link: anyone holding the token may give feedback for its area (and session, if any).
-- The token only lets someone add feedback, never read any, so it is kept as it is (staff reprint
-- handouts); revoking a link closes it.
CREATE TABLE deep_dive_link (
    token      text        PRIMARY KEY CHECK (token ~ '^[2-9a-hjkmnp-z]{18}$'),
    area_id    uuid        NOT NULL REFERENCES area (id),
    session_id uuid,
    created_by uuid        REFERENCES account (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    FOREIGN KEY (session_id, area_id) REFERENCES deep_dive_session (id, area_id)
);
CREATE INDEX deep_dive_link_area ON deep_dive_link (area_id, created_at);

-- One feedback card beside its common submission row (kind DEEP_DIVE_FEEDBACK, reference DDF-...);
-- its themes and dilemmas live on the submission row, where triage can change them.
CREATE TABLE deep_dive_feedback (
    submission_id        uuid PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    area_id              uuid NOT NULL REFERENCES area (id),
    session_id           uuid,
    -- Null once erased.
    participant_type     text CHECK (participant_type IN ('FAMILY', 'CARE_EXPERIENCED_YOUNG_PERSON',
                             'CARE_EXPERIENCED_ADULT', 'PRACTITIONER', 'LEADER', 'OTHER')),
    what_works           text,
    what_needs_to_change text,
    -- LINK: the participant through a link; FACILITATOR, BULK, CSV: staff entered what they heard.
    source               text NOT NULL CHECK (source IN ('LINK', 'FACILITATOR', 'BULK', 'CSV')),
    link_token           text REFERENCES deep_dive_link (token),
    entered_by           uuid REFERENCES account (id) ON DELETE SET NULL,
    FOREIGN KEY (session_id, area_id) REFERENCES deep_dive_session (id, area_id),
    CHECK ((source = 'LINK') = (link_token IS NOT NULL))
);
CREATE INDEX deep_dive_feedback_area ON deep_dive_feedback (area_id);
CREATE INDEX deep_dive_feedback_session ON deep_dive_feedback (session_id) WHERE session_id IS NOT NULL;
