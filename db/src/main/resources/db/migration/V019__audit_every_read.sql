-- Every read of personal data is audited, not only the triage view of one submission. A list, search or
-- export is one event naming its filter (in detail) and how many rows it returned (row_count). New actions:
-- LIST (a list or search page or API read), ERASE (a person's data erased on request), SUBJECT_ACCESS
-- (everything held about a person exported for them), REDACTION_CHANGE (staff added or undid a redaction),
-- SETTING_CHANGE (a window, template or retention setting changed).
ALTER TABLE audit_event ADD COLUMN row_count integer CHECK (row_count >= 0);
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('VIEW', 'CHANGE', 'NOTE',
    'BULK_CHANGE', 'EXPORT', 'RELEASE', 'DELETE', 'SAFEGUARDING_ACTION', 'PHRASE_CHANGE', 'EXAMPLE_CHANGE',
    'LIST', 'ERASE', 'SUBJECT_ACCESS', 'REDACTION_CHANGE', 'SETTING_CHANGE'));
