-- A message goes by email or by text message (SMS, through GOV.UK Notify). Every message queued before this
-- was an email. The recipient is then an email address or a UK mobile number (+447...), checked by the outbox.
ALTER TABLE outbox_message
    ADD COLUMN channel text NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL', 'SMS'));
