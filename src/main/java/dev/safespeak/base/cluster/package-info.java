/**
 * What several instances of SafeSpeak on one database need to act as one: a lock so that each cluster-wide
 * scheduled job runs on one instance per interval (ShedLock, a row in the {@code shedlock} table), and
 * notifications between instances (PostgreSQL LISTEN/NOTIFY; nothing to send on an embedded H2 database, which
 * only one process uses). See docs/decisions/082-several-instances-on-one-database.md.
 */
package dev.safespeak.base.cluster;
