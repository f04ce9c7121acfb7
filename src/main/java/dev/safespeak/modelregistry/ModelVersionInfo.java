package dev.safespeak.modelregistry;

import java.time.Instant;

/**
 * A registered model version as the registry shows it.
 *
 * @param kind              the fast n-gram model, encoder heads or a bring-your-own classifier descriptor
 * @param provenance        the artifact's manifest (training data and checksums, trainer, seed, versions), JSON
 * @param evaluationSummary the evaluation part of the manifest, JSON; empty when the artifact has none
 * @param previousVersion   the version that was active before this one was activated, for rollback
 */
public record ModelVersionInfo(ModelKind kind, String version, String fileName, String sha256, long sizeBytes,
                               String provenance, String evaluationSummary, ModelState state, String previousVersion,
                               Instant registeredAt, String registeredBy, Instant activatedAt) {
}
