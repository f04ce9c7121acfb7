/**
 * The model registry: every model version with its provenance, SHA-256 checksum, evaluation summary and
 * state (candidate, active, retired), its artifact stored on disk and verified on load, and activation
 * and rollback that swap the engine's model atomically. It implements moderation's {@code ActiveModel},
 * so the dependency points from the registry to moderation.
 */
package dev.safespeak.modelregistry;
