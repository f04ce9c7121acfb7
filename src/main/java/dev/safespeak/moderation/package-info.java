/**
 * The moderation engine: normalise a text, detect its language, score it for each attribute with the
 * active Tribuo model and explain the score with character spans. The root package is the module's
 * API; the engine core in {@code engine} is plain Java so the offline scorer, the REST API and the
 * test console share one code path; {@code internal} holds the JPA entities and repositories.
 */
package dev.safespeak.moderation;
