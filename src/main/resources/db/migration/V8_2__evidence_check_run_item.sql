-- A check run started from an item's detail names the item, so the run is evidence on that item; scheduled runs
-- and runs from the evidence page leave it empty.
ALTER TABLE evidence_check_run ADD COLUMN item_id BIGINT;
CREATE INDEX evidence_check_run_by_item ON evidence_check_run (item_id, ran_at);
