-- Every item has a key after the back-fill of 16.2 (decision 011); keys are unique within a release.
ALTER TABLE golive_item ALTER COLUMN item_key SET NOT NULL;
CREATE UNIQUE INDEX golive_item_release_key ON golive_item (release_id, item_key);
