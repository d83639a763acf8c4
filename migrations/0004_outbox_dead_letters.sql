-- Notifications that could not be delivered after the dispatcher's last attempt are kept, not deleted, and
-- marked dead so an operator can see and replay them. Dead rows leave the pending index.
ALTER TABLE outbox ADD COLUMN dead_at timestamptz;

DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_dead_idx ON outbox (dead_at) WHERE dead_at IS NOT NULL;
