package dev.safespeak.audit.internal;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Readiness check "audit logging active": the audit trail has entries and its hash chain verifies. */
@Component
public class AuditChainCheck implements ReadinessCheck {

    private final AuditStore store;

    AuditChainCheck(AuditStore store) {
        this.store = store;
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
        var result = store.verify();
        if (!result.intact()) {
            return CheckResult.fail("Audit trail " + result.summary());
        }
        if (result.entriesChecked() == 0) {
            return CheckResult.fail("The audit trail is empty: no auditable change has been recorded yet");
        }
        return CheckResult.pass("Audit trail " + result.summary());
    }
}
