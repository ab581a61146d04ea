-- Messages that cannot wait behind the others: a safeguarding lead's alert, and a link someone has just asked for
-- and is waiting for at a screen (to sign in, or to carry on with an unfinished response before a deadline). At a
-- closing day's peak tens of thousands of receipts wait their turn for minutes; these are now sent before them
-- (ADR 47). Which templates are urgent is the notifications module's rule (Urgent.java); the rows already waiting
-- are marked here once.
ALTER TABLE outbox_message ADD COLUMN urgent boolean NOT NULL DEFAULT false;

UPDATE outbox_message SET urgent = true
WHERE status IN ('CREATED', 'SENDING')
  AND template IN ('safeguarding-alert', 'safeguarding-notes-alert', 'sign-in-link', 'advice-draft-link',
                   'application-draft-link');

-- The dispatcher claims due messages in this order: urgent ones first, then each by when it is due.
DROP INDEX outbox_message_due;
CREATE INDEX outbox_message_due ON outbox_message (urgent DESC, next_attempt_at)
    WHERE status IN ('CREATED', 'SENDING');
