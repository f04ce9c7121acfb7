-- Keyed audit links (decision 022): the id of the HMAC key that signed an entry. NULL marks an entry written
-- before this migration, linked with plain SHA-256; it is verified as such and reported as unsigned. The key
-- itself never enters the database.
ALTER TABLE audit_entry ADD COLUMN key_id VARCHAR(40);
