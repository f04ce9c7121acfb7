-- Exactly-once audit (issue 10, item 4): the key of the event an entry records, unique, so an event handed to the
-- audit listener again (a publication re-submitted after a crash between the entry's commit and the publication's
-- completion) adds no second entry. NULL for entries appended without one (older entries).
ALTER TABLE audit_entry ADD COLUMN event_key VARCHAR(64);
CREATE UNIQUE INDEX audit_entry_event_key ON audit_entry (event_key);
