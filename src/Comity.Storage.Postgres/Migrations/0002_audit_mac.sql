-- Keyed audit chain: HMAC-SHA256 of each record's hash under a key held outside the database (NULL when the record
-- was appended without a key). A forger who rewrites rows and recomputes the hashes cannot recompute the MACs.
ALTER TABLE audit_log ADD COLUMN mac TEXT;
