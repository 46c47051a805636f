-- Continuous monitoring: portfolios of subjects screened on add and again when the lists change, the hits each
-- subject has now, the alerts monitoring raised (with what both sides looked like, for decision memory), the event
-- feed, webhooks and their deliveries, the work queue of re-screens, and the corpus changes they were planned from.

-- Alerts gain the status closed_delisted (a monitored hit that disappeared from the lists). SQLite cannot change a
-- CHECK constraint in place: the table is rebuilt; foreign keys that point at it are checked at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE alerts_rebuilt (
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
    status TEXT NOT NULL CHECK (status IN ('open', 'pending_second_review', 'closed_true_match', 'closed_false_positive', 'escalated', 'closed_delisted')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (idempotency_key, ordinal)
);
INSERT INTO alerts_rebuilt SELECT id, run_id, idempotency_key, ordinal, query_id, query_hash, query_json, entity_id, source, source_id,
    score, decision_json, corpus_version, provenance_json, status, created_at, updated_at FROM alerts;
DROP TABLE alerts;
ALTER TABLE alerts_rebuilt RENAME TO alerts;
CREATE INDEX alerts_created ON alerts (created_at);
CREATE INDEX alerts_status_created ON alerts (status, created_at);
CREATE INDEX alerts_source_created ON alerts (source, created_at);
CREATE INDEX alerts_run ON alerts (run_id);

CREATE TABLE portfolios (
    name TEXT PRIMARY KEY,
    profile_json TEXT NOT NULL,
    threshold REAL NOT NULL CHECK (threshold >= 0 AND threshold <= 1),
    shard_size INTEGER NOT NULL CHECK (shard_size > 0),
    next_seq INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A shard is the subjects with seq in [shard * shard_size, (shard + 1) * shard_size): the unit of a re-screen job.
-- corpus_version: the version its subjects were last screened against (a subject screened against another one says
-- so in portfolio_subjects.version_override); decided_on: the date its decisions were last made as of; revision grows
-- with every subject added, changed or removed (a cached index of the shard's subjects is stale when it differs).
CREATE TABLE portfolio_shards (
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    shard INTEGER NOT NULL,
    corpus_version TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (portfolio, shard)
);

-- nearest: the smallest distance of a kept hit's score to the threshold (NULL without kept hits).
CREATE TABLE portfolio_subjects (
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    subject_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    query_json TEXT NOT NULL,
    facts_json TEXT NOT NULL,
    state_json TEXT NOT NULL,
    has_match INTEGER NOT NULL,
    nearest REAL,
    version_override TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (portfolio, subject_id)
);
CREATE UNIQUE INDEX portfolio_subjects_seq ON portfolio_subjects (portfolio, seq);
CREATE INDEX portfolio_subjects_match ON portfolio_subjects (portfolio, seq) WHERE has_match = 1;
CREATE INDEX portfolio_subjects_near ON portfolio_subjects (portfolio, nearest) WHERE nearest IS NOT NULL;
CREATE INDEX portfolio_subjects_override ON portfolio_subjects (portfolio, seq) WHERE version_override IS NOT NULL;

-- Every listed entity each subject's current hits involve (every listing of each hit): what a removed or changed
-- entity makes re-screen.
CREATE TABLE monitor_hits (
    portfolio TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    PRIMARY KEY (portfolio, entity_id, subject_id)
);

-- The alerts monitoring raised. live = 1 while the hit is still there (at most one per subject and listed entity);
-- subject_facts and entity_facts are what both sides looked like when the alert was raised (decision memory).
CREATE TABLE monitor_alerts (
    alert_id TEXT PRIMARY KEY REFERENCES alerts (id),
    portfolio TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    listings TEXT NOT NULL,
    subject_facts TEXT NOT NULL,
    entity_facts TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    live INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE UNIQUE INDEX monitor_alerts_live ON monitor_alerts (portfolio, subject_id, entity_id) WHERE live = 1;
CREATE INDEX monitor_alerts_subject ON monitor_alerts (portfolio, subject_id, created_at);

-- The event feed (GET /v1/events?after=SEQ). seq is assigned under the audit chain's write lock, so seq order is
-- commit order and a reader paging by seq never skips an event.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    portfolio TEXT,
    type TEXT NOT NULL,
    subject_id TEXT,
    alert_id TEXT,
    payload_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX events_portfolio ON events (portfolio, seq);

CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    max_attempts INTEGER NOT NULL CHECK (max_attempts > 0),
    created_at TEXT NOT NULL,
    removed_at TEXT
);

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id),
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    last_status INTEGER,
    last_error TEXT,
    delivered_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (webhook_id, event_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

-- What changed between two corpus versions (entity ids added, removed, changed, relinked), planned once.
CREATE TABLE corpus_changes (
    id TEXT PRIMARY KEY,
    from_version TEXT NOT NULL,
    to_version TEXT NOT NULL,
    delta_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (from_version, to_version)
);

-- The work queue: one job re-screens one shard of a portfolio against one corpus version. plan makes planning
-- idempotent across nodes (the same change planned twice creates its jobs once).
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    shard INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('delta', 'full')),
    plan TEXT NOT NULL,
    to_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    error TEXT,
    result_json TEXT,
    UNIQUE (portfolio, shard, to_version, plan)
);
CREATE INDEX jobs_status ON jobs (status, to_version, created_at);

-- Scheduled list updates (comity serve --update-every): which node ran one, when, and the current set it left.
CREATE TABLE list_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    node TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    report_json TEXT NOT NULL
);
