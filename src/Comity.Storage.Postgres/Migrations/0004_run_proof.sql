-- Proof of screening: what a run screened with (engine version, threshold, options, profile) beside its corpus version,
-- every subject it screened with the hits it found (so a run can be replayed against the archived list versions), and
-- for each corpus version the recipe it was built from (every list path with its files' SHA-256).
ALTER TABLE runs ADD COLUMN engine_version TEXT;
ALTER TABLE runs ADD COLUMN threshold DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN options_json TEXT;
ALTER TABLE runs ADD COLUMN profile_json TEXT;

CREATE TABLE run_subjects (
    run_id TEXT NOT NULL REFERENCES runs (id),
    ordinal BIGINT NOT NULL,
    query_id TEXT NOT NULL,
    query_json TEXT NOT NULL,
    hits_json TEXT NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE corpus_versions (
    version TEXT PRIMARY KEY,
    corpus_json TEXT NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);
