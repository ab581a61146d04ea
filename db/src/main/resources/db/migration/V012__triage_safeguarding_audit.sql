-- Triage (notes, change history, the queue's indexes), safeguarding (phrases, flags, the lead's actions)
-- and the audit log of staff reads, changes and exports.

-- The free text of a submission as its channel gave it for search (search_vector is built from the same
-- text), kept on the common row for highlighted search snippets and for exports, which then stream from one
-- table without a join. Erased with the rest of the content when the person withdraws (trigger below).
ALTER TABLE submission ADD COLUMN search_text text;

UPDATE submission s SET search_text = concat_ws(E'\n', a.organisation, a.key_questions, a.engagement_advice,
                                                a.resources, a.groups_to_speak_to)
FROM advice_submission a WHERE a.submission_id = s.id AND s.status <> 'WITHDRAWN';

UPDATE submission s SET search_text = concat_ws(E'\n', e.experience_story, e.motivation)
FROM ebe_application e WHERE e.submission_id = s.id AND s.status <> 'WITHDRAWN';

CREATE FUNCTION submission_withdrawal_erases_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := NULL;
    RETURN NEW;
END
$$;

CREATE TRIGGER submission_withdrawal_erases_search_text
    BEFORE UPDATE OF status ON submission
    FOR EACH ROW WHEN (NEW.status = 'WITHDRAWN')
    EXECUTE FUNCTION submission_withdrawal_erases_search_text();

-- Staff notes on a submission.
CREATE TABLE submission_note (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    author_id     uuid        REFERENCES account (id) ON DELETE SET NULL,
    body          text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at    timestamptz NOT NULL
);
CREATE INDEX submission_note_submission ON submission_note (submission_id, seq);

-- Every triage change: who changed which field, from what to what, and when (codes and ids, never content).
CREATE TABLE submission_change (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    field         text        NOT NULL CHECK (field IN ('status', 'assignee', 'themes', 'dilemmas', 'safeguarding')),
    old_value     text,
    new_value     text,
    changed_by    uuid        REFERENCES account (id) ON DELETE SET NULL,
    changed_at    timestamptz NOT NULL
);
CREATE INDEX submission_change_submission ON submission_change (submission_id, seq);

-- The audit log: every staff read of a submission's content, every change and every export. Ids and codes
-- only. No foreign keys: the log outlives the accounts and submissions it names, and is never updated.
CREATE TABLE audit_event (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id      uuid,
    action        text        NOT NULL CHECK (action IN ('VIEW', 'CHANGE', 'NOTE', 'BULK_CHANGE', 'EXPORT', 'RELEASE',
                                                         'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE')),
    submission_id uuid,
    detail        text        CHECK (length(detail) <= 2000),
    at            timestamptz NOT NULL
);
CREATE INDEX audit_event_recent ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_submission ON audit_event (submission_id, at DESC, id DESC) WHERE submission_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event (actor_id, at DESC, id DESC);

-- Safeguarding: weighted phrases a child might use, seeded once from safeguarding/phrases.tsv, then kept
-- by the safeguarding lead. Phrases are stored normalised (lower case, no apostrophes or punctuation).
CREATE TABLE safeguarding_phrase (
    phrase   text        PRIMARY KEY CHECK (phrase ~ '^[a-z0-9]+( [a-z0-9]+)*$' AND length(phrase) <= 200),
    weight   integer     NOT NULL CHECK (weight BETWEEN 1 AND 100),
    added_by uuid        REFERENCES account (id) ON DELETE SET NULL,
    added_at timestamptz NOT NULL
);

CREATE TABLE safeguarding_phrase_change (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phrase     text        NOT NULL,
    change     text        NOT NULL CHECK (change IN ('SEEDED', 'ADDED', 'REWEIGHTED', 'REMOVED')),
    old_weight integer,
    new_weight integer,
    changed_by uuid        REFERENCES account (id) ON DELETE SET NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX safeguarding_phrase_change_recent ON safeguarding_phrase_change (changed_at DESC, id DESC);

-- One row once the phrase file has been loaded, so a phrase the lead removed never comes back on a restart.
CREATE TABLE safeguarding_seed (
    id        integer     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    seeded_at timestamptz NOT NULL
);

-- Why a submission is flagged: the screening score and the phrases it matched, or the member of staff who
-- flagged it. Only the safeguarding lead and administrators ever read this.
CREATE TABLE safeguarding_flag (
    submission_id uuid        PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
    source        text        NOT NULL CHECK (source IN ('SCREENING', 'STAFF')),
    score         integer     NOT NULL DEFAULT 0,
    matched       text[]      NOT NULL DEFAULT '{}',
    flagged_by    uuid        REFERENCES account (id) ON DELETE SET NULL,
    flagged_at    timestamptz NOT NULL
);

-- What the safeguarding lead did about a flagged submission.
CREATE TABLE safeguarding_action (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    action        text        NOT NULL CHECK (length(action) BETWEEN 1 AND 5000),
    taken_by      uuid        REFERENCES account (id) ON DELETE SET NULL,
    taken_at      timestamptz NOT NULL
);
CREATE INDEX safeguarding_action_submission ON safeguarding_action (submission_id, seq);

-- The queue at 1,000,000 rows. Every list is ordered by (submitted_at, id), newest or oldest first, and read
-- as keyset pages, so each filter needs an index that yields rows in that order without sorting:
--   no status filter, or a theme/dilemma/kind filter alone: the recency index, filtered row by row;
--   status (+ theme/dilemma): status first, then recency;
--   area (deep-dive feedback) + status (+ theme): area, status, then recency.
-- Flagged rows are a tiny minority, so the general indexes leave them in; the restricted queue has its own.
CREATE INDEX submission_recent ON submission (submitted_at DESC, id DESC);
CREATE INDEX submission_status_recent ON submission (status, submitted_at DESC, id DESC);
CREATE INDEX submission_area_status_recent ON submission (area_id, status, submitted_at DESC, id DESC)
    WHERE area_id IS NOT NULL;
CREATE INDEX submission_assignee_recent ON submission (assignee_id, submitted_at DESC, id DESC)
    WHERE assignee_id IS NOT NULL;
CREATE INDEX submission_flagged_recent ON submission (submitted_at DESC, id DESC) WHERE safeguarding;
-- Superseded by the indexes above (same leading columns, and the recency order they lacked).
DROP INDEX IF EXISTS submission_queue;
DROP INDEX IF EXISTS submission_area;
DROP INDEX IF EXISTS submission_assignee;
