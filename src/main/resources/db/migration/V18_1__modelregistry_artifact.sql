-- Model registry: a copy of every registered artifact in the database, so that an instance whose model directory
-- lacks a version (a new pod with an empty volume, another instance registered it) restores it from here.
CREATE TABLE model_artifact (
    version VARCHAR(100) NOT NULL PRIMARY KEY,
    content BYTEA        NOT NULL,
    CONSTRAINT fk_model_artifact_version FOREIGN KEY (version) REFERENCES model_version (version)
);
