-- The application's PostgreSQL role without UPDATE, DELETE or TRUNCATE on the audit trail (docs/operations/app-role.md).
-- Run it as the role that owns the schema (the one Flyway migrates with), after every upgrade; it is idempotent:
--   createuser --pwprompt safespeak_app        # once: the role the application signs in with
--   psql -d safespeak -v app_role=safespeak_app -v schema=public -f docker/app-role.sql
-- The application then signs in as safespeak_app (SAFESPEAK_DB_USER) and migrates as the owner
-- (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD). A role that owns a table can always grant itself rights on it again,
-- so the application's role must not be the owner.
\set ON_ERROR_STOP on

GRANT USAGE ON SCHEMA :"schema" TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"schema" TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA :"schema" TO :"app_role";
-- Tables and sequences later migrations create (as this owner) get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";

-- The audit trail is append-only for the application: it inserts entries and moves the chain's head
-- (audit_chain_head, which it must UPDATE), and never changes or removes an entry.
REVOKE UPDATE, DELETE, TRUNCATE ON :"schema".audit_entry FROM :"app_role";
-- Only the owner migrates.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON :"schema".flyway_schema_history FROM :"app_role";
