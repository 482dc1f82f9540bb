-- A delivery can be skipped: a mail held for a digest is not sent when its person no longer wants
-- it or no longer holds a role that sees its kind (the reason is kept in last_error).
ALTER TABLE notification_delivery DROP CONSTRAINT notification_delivery_status_check;
ALTER TABLE notification_delivery ADD CONSTRAINT notification_delivery_status_check
    CHECK (status IN ('pending', 'sent', 'failed', 'skipped'));
