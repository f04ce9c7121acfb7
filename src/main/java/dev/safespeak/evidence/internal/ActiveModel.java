package dev.safespeak.evidence.internal;

import dev.safespeak.base.BusinessException;
import dev.safespeak.modelregistry.ModelRegistryService;
import dev.safespeak.modelregistry.ModelVersionInfo;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evidence module's view of the model registry: the active version, the registered versions, rollback and the
 * artifact checksum verification.
 */
@Component
public class ActiveModel {

    /** The registry acts for the evidence module under this system actor; the evidence event names the person. */
    static final String SYSTEM_ACTOR = "system:evidence";

    private final ModelRegistryService registry;

    public ActiveModel(ModelRegistryService registry) {
        this.registry = registry;
    }

    /** The active model version, or empty when none is loaded. */
    public Optional<String> version() {
        try {
            return registry.activeVersion().map(ModelVersionInfo::version);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Registered versions, newest first. */
    public List<String> versions() {
        // The fast model's versions: encoder heads and byo descriptors are versioned too, but are not a fallback for it.
        return registry.versions().stream().filter(v -> v.kind() == dev.safespeak.modelregistry.ModelKind.NGRAM)
                .map(ModelVersionInfo::version).toList();
    }

    /** Rolls the active model back to the previous version and returns it; empty when there is none. */
    public Optional<String> rollback() {
        try {
            return Optional.of(registry.rollbackBySystem(SYSTEM_ACTOR).version());
        } catch (BusinessException e) {
            return Optional.empty();
        }
    }

    /** Every artifact whose stored file does not match its recorded checksum; empty when all verify. */
    public List<String> checksumProblems() {
        return registry.verifyChecksums();
    }
}
