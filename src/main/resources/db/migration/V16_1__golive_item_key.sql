-- Stable item keys (decision 011): a release item's key, such as 'load-test', that readiness checks, success
-- criteria, default owners and demo data bind to instead of the item's wording. Filled for existing rows by the
-- Java migration 16.2 (golive ItemKeyMigration), then required and unique per release by V16_3.
ALTER TABLE golive_item ADD COLUMN item_key VARCHAR(64);
