package dev.safespeak.audit.internal;

import dev.safespeak.audit.AuditVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Verifies the chain and, when given one, a checkpoint file against it. */
@Component
public class AuditVerifier {

    private final AuditStore store;
    private final AuditCheckpoints checkpoints;

    AuditVerifier(AuditStore store, AuditCheckpoints checkpoints) {
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /** The chain, and the configured checkpoint file when it exists (none is written before the first interval). */
    public AuditVerification verify() {
        return verify(checkpoints.file().filter(Files::exists));
    }

    /** The chain, and the given checkpoint file if present (a missing file is reported as a problem). */
    public AuditVerification verify(Optional<Path> checkpointFile) {
        AuditVerification chain = store.verify();
        if (checkpointFile.isEmpty()) {
            return chain;
        }
        AuditCheckpoints.Result result = checkpoints.verify(checkpointFile.get());
        return new AuditVerification(chain.entriesChecked(), chain.firstBroken().or(result::firstBroken),
                chain.unsignedEntries(), chain.entriesByKey(), chain.missingKeys(), chain.currentKeyId(),
                Optional.of(result.check()));
    }
}
