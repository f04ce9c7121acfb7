/**
 * API keys of the REST API: admins create them (in the UI or with {@code keys create} on the command line), the
 * secret is shown once and only its SHA-256 is kept; each key belongs to a tenant and carries a rate limit in
 * requests per second and a daily quota of texts, enforced across all app instances that share the database.
 */
package dev.safespeak.apikey;
