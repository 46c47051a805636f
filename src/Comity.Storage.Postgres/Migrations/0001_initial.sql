-- Comity store, PostgreSQL, version 1. Tables live in the first schema of the connection's search path.
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    actor TEXT NOT NULL,
    profile TEXT NOT NULL,
    corpus_version TEXT NOT NULL,
    queries BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    alerts BIGINT NOT NULL,
    errors BIGINT NOT NULL
);

-- One row per idempotency key ever used; its primary key is what makes a retried request create nothing,
-- also when two servers receive the retry at the same time.
CREATE TABLE idempotency_keys (
    idem_key TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    created_at TIMESTAMPTZ NOT NULL,
    alert_count BIGINT NOT NULL
);

CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    idempotency_key TEXT REFERENCES idempotency_keys (idem_key),
    ordinal BIGINT NOT NULL,
    query_id TEXT NOT NULL,
    query_hash TEXT NOT NULL,
    query_json TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
    decision_json TEXT NOT NULL,
    corpus_version TEXT NOT NULL,
    provenance_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'pending_second_review', 'closed_true_match', 'closed_false_positive', 'escalated')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (idempotency_key, ordinal)
);
CREATE INDEX alerts_created ON alerts (created_at);
CREATE INDEX alerts_status_created ON alerts (status, created_at);
CREATE INDEX alerts_source_created ON alerts (source, created_at);
CREATE INDEX alerts_run ON alerts (run_id);

CREATE TABLE reviews (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id TEXT NOT NULL REFERENCES alerts (id),
    reviewer TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('true_match', 'false_positive', 'escalate')),
    reason TEXT NOT NULL,
    status_before TEXT NOT NULL,
    status_after TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reviews_alert ON reviews (alert_id, id);

-- Payload is TEXT, not JSONB: the hash covers the exact bytes, which JSONB would normalise.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);

-- Append-only: changing or removing a record needs disabling this trigger first (and the chain still tells).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The chain head: one row, locked FOR UPDATE by every append, so concurrent appenders queue instead of forking.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('screener', 'analyst', 'admin')),
    kind TEXT NOT NULL CHECK (kind IN ('issued', 'imported')),
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
