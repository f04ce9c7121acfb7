-- Switches an operator sets at run time that must survive a restart and agree across instances, such as
-- whether the rollback triggers are armed ('rollback.live').
CREATE TABLE evidence_setting (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting     VARCHAR(255) NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP    NOT NULL
);
