-- Intake reads less on every submission (issue 17). Nodes cache the lead's phrases and the message templates,
-- and must learn at once when another node changes them.

-- The phrases' version beside the examples' version, so one row read per submission tells a node whether the
-- phrases it matches with, and the examples its learned check learned from, are still current.
ALTER TABLE safeguarding_model_version ADD COLUMN phrase_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION safeguarding_phrase_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE safeguarding_model_version SET phrase_version = phrase_version + 1 WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER safeguarding_phrase_bump_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON safeguarding_phrase
    FOR EACH STATEMENT EXECUTE FUNCTION safeguarding_phrase_bump_version();

-- A template saved on any node is announced to every node (LISTEN consult_changes), which drops its copy.
CREATE FUNCTION announce_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('consult_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER message_template_announce_change
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON message_template
    FOR EACH STATEMENT EXECUTE FUNCTION announce_table_change();
