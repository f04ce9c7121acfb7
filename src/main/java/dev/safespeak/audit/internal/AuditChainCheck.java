package dev.safespeak.audit.internal;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Readiness check "audit logging active": the audit trail has entries, its keyed chain verifies and it matches
 * the configured checkpoint file.
 */
@Component
public class AuditChainCheck implements ReadinessCheck {

    private final AuditVerifier verifier;

    AuditChainCheck(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "audit-chain";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("audit-logging", "compliance-monitoring");
    }

    @Override
    public CheckResult run() {
        var result = verifier.verify();
        if (!result.intact()) {
            return CheckResult.fail("Audit trail " + result.summary());
        }
        if (result.entriesChecked() == 0) {
            return CheckResult.fail("The audit trail is empty: no auditable change has been recorded yet");
        }
        return CheckResult.pass("Audit trail " + result.summary());
    }
}
