-- Comity store, SQLite, version 1. Timestamps are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (fixed width, so text order is time order).
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    actor TEXT NOT NULL,
    profile TEXT NOT NULL,
    corpus_version TEXT NOT NULL,
    queries INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    alerts INTEGER NOT NULL,
    errors INTEGER NOT NULL
);

-- One row per idempotency key ever used; its primary key is what makes a retried request create nothing.
CREATE TABLE idempotency_keys (
    idem_key TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL,
    alert_count INTEGER NOT NULL
);

CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    idempotency_key TEXT REFERENCES idempotency_keys (idem_key),
    ordinal INTEGER NOT NULL,
    query_id TEXT NOT NULL,
    query_hash TEXT NOT NULL,
    query_json TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    decision_json TEXT NOT NULL,
    corpus_version TEXT NOT NULL,
    provenance_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'pending_second_review', 'closed_true_match', 'closed_false_positive', 'escalated')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (idempotency_key, ordinal)
);
CREATE INDEX alerts_created ON alerts (created_at);
CREATE INDEX alerts_status_created ON alerts (status, created_at);
CREATE INDEX alerts_source_created ON alerts (source, created_at);
CREATE INDEX alerts_run ON alerts (run_id);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL REFERENCES alerts (id),
    reviewer TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('true_match', 'false_positive', 'escalate')),
    reason TEXT NOT NULL,
    status_before TEXT NOT NULL,
    status_after TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX reviews_alert ON reviews (alert_id, id);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);

-- Append-only: changing or removing a record needs dropping these triggers first (and the chain still tells).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The chain head: one row, updated by every append inside the appending transaction.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
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
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
