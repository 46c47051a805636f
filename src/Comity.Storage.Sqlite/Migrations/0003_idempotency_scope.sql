-- Idempotency keys are scoped per caller and bound to the request: a key is looked up by live_key (SHA-256 of the
-- scope and the client's key), answers only a request whose canonical body hash equals body_hash, and lives until
-- expires_at. On expiry live_key is set to NULL (the row and its alerts stay), so the key can be used afresh.
-- Rows from before this migration have no live_key: their keys no longer replay anything.
ALTER TABLE idempotency_keys ADD COLUMN scope TEXT;
ALTER TABLE idempotency_keys ADD COLUMN client_key TEXT;
ALTER TABLE idempotency_keys ADD COLUMN body_hash TEXT;
ALTER TABLE idempotency_keys ADD COLUMN expires_at TEXT;
ALTER TABLE idempotency_keys ADD COLUMN live_key TEXT;
CREATE UNIQUE INDEX idempotency_keys_live ON idempotency_keys (live_key);
