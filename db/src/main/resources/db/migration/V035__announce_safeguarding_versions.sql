-- Nodes keep the safeguarding versions (the examples' and the phrases') instead of reading them in every
-- submission's transaction (issue 17), so a change to them is announced to every node as message templates are
-- (V032): a phrase or an example added or removed moves this row through its table's trigger, and the move is
-- announced on the channel consult_changes when it commits.
CREATE TRIGGER safeguarding_model_version_announce_change
    AFTER UPDATE ON safeguarding_model_version
    FOR EACH STATEMENT EXECUTE FUNCTION announce_table_change();
