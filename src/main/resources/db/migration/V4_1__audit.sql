-- Hash-chained audit trail (audit module). Each entry holds the hash of the one before it; the single row of
-- audit_chain_head is the writers' lock and remembers the chain's tip, so appends are serialized even when several
-- application instances share one database, and a deleted last entry is detected.
CREATE TABLE audit_entry (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    actor         VARCHAR(200)  NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(100)  NOT NULL,
    subject       VARCHAR(500)  NOT NULL,
    before_state  VARCHAR(8000) NOT NULL,
    after_state   VARCHAR(8000) NOT NULL,
    previous_hash VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_entry_subject ON audit_entry (subject);
CREATE INDEX audit_entry_actor ON audit_entry (actor);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);

CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
