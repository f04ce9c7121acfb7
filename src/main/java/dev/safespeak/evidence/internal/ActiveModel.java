package dev.safespeak.evidence.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evidence module's view of the model registry: the active version, the versions it could roll back to,
 * rollback itself and the artifact checksum verification.
 */
@Component
public class ActiveModel {

    /** The active model version, or empty when none is known. */
    public Optional<String> version() {
        return Optional.empty();
    }

    /** Registered versions, newest first. */
    public List<String> versions() {
        return List.of();
    }

    /** Rolls the active model back to the previous version and returns it; empty when that is not possible. */
    public Optional<String> rollback() {
        return Optional.empty();
    }

    /** Null when every stored artifact matches its checksum, else what does not; empty list when unknown. */
    public List<String> checksumProblems() {
        return List.of("the model registry is not available");
    }
}
