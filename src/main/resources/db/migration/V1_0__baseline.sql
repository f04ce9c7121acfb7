-- Baseline. Each module owns a range of versions: security V1_x, golive V2_x, signoff V3_x, audit V4_x,
-- moderation V5_x, modelregistry V6_x, api keys and lists V7_x, evidence V8_x.
CREATE TABLE app_info (
    info_key   VARCHAR(100) PRIMARY KEY,
    info_value VARCHAR(1000) NOT NULL
);
