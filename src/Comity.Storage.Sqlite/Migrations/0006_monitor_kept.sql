-- A delta re-screen asks which subjects of one shard keep any hit (nearest IS NOT NULL): this finds them by seq within
-- the shard, instead of walking every such subject of the portfolio (portfolio_subjects_near) once per shard.
CREATE INDEX portfolio_subjects_kept ON portfolio_subjects (portfolio, seq) WHERE nearest IS NOT NULL;
