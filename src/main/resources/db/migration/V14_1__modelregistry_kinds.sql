-- Model registry: besides the fast n-gram model (NGRAM) the registry versions the accurate engine's artifacts, the
-- encoder heads (ENCODER_HEADS) and bring-your-own classifier descriptors (BYO); one version of each kind is active.
ALTER TABLE model_version ADD COLUMN kind VARCHAR(20) DEFAULT 'NGRAM' NOT NULL;
CREATE INDEX ix_model_version_kind_state ON model_version (kind, state);
