package dev.safespeak.evidence.internal;

import dev.safespeak.moderation.ModerationService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evidence module's view of the model: the active version (asked from the engine), the versions it could roll
 * back to, rollback itself and the artifact checksum verification. The last three need the model registry; until
 * the registry module exists they report that it is not available, so the model-artifact check fails and the
 * rollback button explains that there is nothing to roll back to.
 */
@Component
public class ActiveModel {

    private final ModerationService moderation;

    public ActiveModel(ModerationService moderation) {
        this.moderation = moderation;
    }

    /** The active model version, or empty when none is loaded. */
    public Optional<String> version() {
        try {
            return Optional.ofNullable(moderation.activeModelVersion());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Registered versions, newest first. */
    public List<String> versions() {
        return version().map(List::of).orElse(List.of());
    }

    /** Rolls the active model back to the previous version and returns it; empty when that is not possible. */
    public Optional<String> rollback() {
        return Optional.empty();
    }

    /** What does not match its checksum; a single entry saying so when the registry is not available. */
    public List<String> checksumProblems() {
        return List.of("the model registry is not available");
    }
}
