-- Continuous monitoring: portfolios of subjects screened on add and again when the lists change, the hits each
-- subject has now, the alerts monitoring raised (with what both sides looked like, for decision memory), the event
-- feed, webhooks and their deliveries, the work queue of re-screens, and the corpus changes they were planned from.

-- Alerts gain the status closed_delisted (a monitored hit that disappeared from the lists).
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_status_check
    CHECK (status IN ('open', 'pending_second_review', 'closed_true_match', 'closed_false_positive', 'escalated', 'closed_delisted'));

CREATE TABLE portfolios (
    name TEXT PRIMARY KEY,
    profile_json TEXT NOT NULL,
    threshold DOUBLE PRECISION NOT NULL CHECK (threshold >= 0 AND threshold <= 1),
    shard_size BIGINT NOT NULL CHECK (shard_size > 0),
    next_seq BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- A shard is the subjects with seq in [shard * shard_size, (shard + 1) * shard_size): the unit of a re-screen job.
-- corpus_version: the version its subjects were last screened against (a subject screened against another one says
-- so in portfolio_subjects.version_override); decided_on: the date its decisions were last made as of; revision grows
-- with every subject added, changed or removed (a cached index of the shard's subjects is stale when it differs).
CREATE TABLE portfolio_shards (
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    shard BIGINT NOT NULL,
    corpus_version TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (portfolio, shard)
);

-- nearest: the smallest distance of a kept hit's score to the threshold (NULL without kept hits).
CREATE TABLE portfolio_subjects (
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    subject_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    query_json TEXT NOT NULL,
    facts_json TEXT NOT NULL,
    state_json TEXT NOT NULL,
    has_match BIGINT NOT NULL,
    nearest DOUBLE PRECISION,
    version_override TEXT,
    added_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
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
    live BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX monitor_alerts_live ON monitor_alerts (portfolio, subject_id, entity_id) WHERE live = 1;
CREATE INDEX monitor_alerts_subject ON monitor_alerts (portfolio, subject_id, created_at);

-- The event feed (GET /v1/events?after=SEQ). seq is assigned under the audit chain's write lock, so seq order is
-- commit order and a reader paging by seq never skips an event.
CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    portfolio TEXT,
    type TEXT NOT NULL,
    subject_id TEXT,
    alert_id TEXT,
    payload_json TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_portfolio ON events (portfolio, seq);

CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    max_attempts BIGINT NOT NULL CHECK (max_attempts > 0),
    created_at TIMESTAMPTZ NOT NULL,
    removed_at TIMESTAMPTZ
);

CREATE TABLE webhook_deliveries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id),
    event_seq BIGINT NOT NULL REFERENCES events (seq),
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts BIGINT NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_owner TEXT,
    lease_until TIMESTAMPTZ,
    last_status BIGINT,
    last_error TEXT,
    delivered_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (webhook_id, event_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

-- What changed between two corpus versions (entity ids added, removed, changed, relinked), planned once.
CREATE TABLE corpus_changes (
    id TEXT PRIMARY KEY,
    from_version TEXT NOT NULL,
    to_version TEXT NOT NULL,
    delta_json TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (from_version, to_version)
);

-- The work queue: one job re-screens one shard of a portfolio against one corpus version. plan makes planning
-- idempotent across nodes (the same change planned twice creates its jobs once).
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    portfolio TEXT NOT NULL REFERENCES portfolios (name),
    shard BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('delta', 'full')),
    plan TEXT NOT NULL,
    to_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    error TEXT,
    result_json TEXT,
    UNIQUE (portfolio, shard, to_version, plan)
);
CREATE INDEX jobs_status ON jobs (status, to_version, created_at);

-- Scheduled list updates (comity serve --update-every): which node ran one, when, and the current set it left.
CREATE TABLE list_updates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    outcome TEXT NOT NULL,
    report_json TEXT NOT NULL
);
