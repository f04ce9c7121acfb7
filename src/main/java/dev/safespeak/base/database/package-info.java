/**
 * The application's view of its database's availability: a circuit breaker in front of the connection pool that
 * fails fast while the database is gone and a probe that notices when it is back, exposed to every module as
 * {@link dev.safespeak.base.DatabaseStatus}. See docs/decisions/083-degraded-mode-without-the-database.md.
 */
package dev.safespeak.base.database;
