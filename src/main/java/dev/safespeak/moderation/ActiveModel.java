package dev.safespeak.moderation;

import java.util.List;
import java.util.Optional;

/**
 * Tells the engine which model artifact to score with. The model registry implements it (so the
 * dependency points from the registry to moderation); without a registry the engine scores with the
 * committed default model. Implementations answer from memory: it is asked once per request.
 */
public interface ActiveModel {

    /** The artifact of the active version. */
    ModelArtifact active();

    /** A registered version's artifact, for callers that ask for a specific version; empty if unknown. */
    Optional<ModelArtifact> find(String version);

    /**
     * Every version that {@link #find(String)} knows, newest first, for pickers such as the console's compare.
     * Unlike {@link #active()} this may read a database. The default knows only the active version.
     */
    default List<String> registeredVersions() {
        return List.of(active().version());
    }

    /** The active encoder heads artifact of the accurate engine; empty when none is active. Answers from memory. */
    default Optional<ModelArtifact> activeEncoderHeads() {
        return Optional.empty();
    }

    /** The active bring-your-own model descriptor; empty when none is active. Answers from memory. */
    default Optional<ModelArtifact> activeByo() {
        return Optional.empty();
    }
}
