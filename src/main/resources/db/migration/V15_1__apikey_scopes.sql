-- What each API key may do (ApiKeyScope): its scope names separated by spaces. Keys that existed before scopes
-- keep everything they could do ('score feedback lists:write'), so no client breaks on upgrade; an operator who
-- wants a scoring-only key creates a new one ('keys create --scopes score') and revokes the old one. New keys get
-- 'score feedback' unless created with other scopes: changing a tenant's lists must be asked for.
ALTER TABLE api_key ADD COLUMN scopes VARCHAR(200) DEFAULT 'score feedback lists:write' NOT NULL;
ALTER TABLE api_key ALTER COLUMN scopes DROP DEFAULT;
