-- The retention schedule (ADR 19): what the daily purge (org.carereview.consult.core.retention) needs.

-- A scorer's account may not be deleted while their scores stand: the scores of an application are part of
-- its decision and go only with the application. (The purge deletes only contributor accounts, which never
-- score; this makes losing scores by deleting an account impossible rather than merely unlikely.)
ALTER TABLE ebe_score DROP CONSTRAINT ebe_score_scorer_id_fkey;
ALTER TABLE ebe_score ADD CONSTRAINT ebe_score_scorer_id_fkey
    FOREIGN KEY (scorer_id) REFERENCES account (id) ON DELETE RESTRICT;

-- When the account last signed in (a one-time link or invitation redeemed). A contributor account with nothing
-- left is deleted a while after its last use; until now that was not recorded, so it starts from updated_at.
ALTER TABLE account ADD COLUMN last_used_at timestamptz;
UPDATE account SET last_used_at = updated_at;

-- Indexes for the purge's set-based deletes.
CREATE INDEX outbox_message_finished ON outbox_message (coalesce(sent_at, created_at))
    WHERE status IN ('SENT', 'FAILED_PERMANENTLY');
CREATE INDEX account_token_expires ON account_token (expires_at);
CREATE INDEX submission_withdrawn ON submission (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
CREATE INDEX submission_quarantined ON submission (submitted_at) WHERE status = 'QUARANTINED';
CREATE INDEX draft_owner ON draft (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX deep_dive_feedback_link ON deep_dive_feedback (link_token) WHERE link_token IS NOT NULL;

-- The audit log is append-only for the application. UPDATE is always refused. DELETE is refused unless the
-- transaction has said, with SET LOCAL consult.audit_purge_before = '<instant>', up to when it is purging,
-- and then only for rows older than that instant. Only the retention purge sets it, to "now minus the audit
-- period" from the application's clock (a database-side now() could not be moved by the tests' clock); SET
-- LOCAL ends with the transaction, so no other statement of the connection can inherit it.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    purge_before text := nullif(current_setting('consult.audit_purge_before', true), '');
BEGIN
    IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND OLD.at < purge_before::timestamptz THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_is_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
