package dev.safespeak.evidence.internal;

import dev.safespeak.evidence.GateVerdict;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.signoff.ApprovalGate;
import dev.safespeak.signoff.GateResult;
import org.springframework.stereotype.Component;

/** The sign-off chain's approval gate of the evidence module: every success criterion passes or is waived by the CTO. */
@Component
public class SuccessCriteriaGate implements ApprovalGate {

    private final SuccessCriteriaService criteria;

    public SuccessCriteriaGate(SuccessCriteriaService criteria) {
        this.criteria = criteria;
    }

    @Override
    public String name() {
        return "Success criteria";
    }

    @Override
    public GateResult evaluate(long releaseId) {
        GateVerdict verdict = criteria.verdict(releaseId);
        return new GateResult(verdict.passing(), verdict.reasons());
    }
}
