-- One send is one record, on every channel. A submission made by sending a draft (or a page's one-time form
-- token) records what it was sent from, here, in the same transaction. The primary key is what makes a second
-- send of the same draft impossible: a concurrent one waits on this row and then finds the first submission,
-- never a second record or a second receipt.
CREATE TABLE sent_from (
    kind          text        NOT NULL CHECK (kind IN ('CALL_FOR_ADVICE', 'EBE_APPLICATION', 'DEEP_DIVE_FEEDBACK')),
    -- The draft's id, or a participant link's token and the page's form token ("<link>/<form>").
    source        text        NOT NULL CHECK (length(source) BETWEEN 1 AND 600),
    -- Filled in the same transaction as the row is claimed (checked at commit, below).
    submission_id uuid        UNIQUE REFERENCES submission (id) ON DELETE CASCADE,
    -- A hash of what a form sent, where a form token could come back with other answers (the Back button).
    content_hash  text,
    sent_at       timestamptz NOT NULL,
    PRIMARY KEY (kind, source)
);

-- A claim is written before its submission exists, so the column cannot be NOT NULL; this makes sure no
-- transaction commits a claim that names no submission.
CREATE FUNCTION sent_from_names_a_submission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sent_from WHERE kind = NEW.kind AND source = NEW.source AND submission_id IS NULL) THEN
        RAISE EXCEPTION 'sent_from (%, %) names no submission', NEW.kind, NEW.source
            USING ERRCODE = 'not_null_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER sent_from_names_a_submission AFTER INSERT OR UPDATE ON sent_from
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sent_from_names_a_submission();
