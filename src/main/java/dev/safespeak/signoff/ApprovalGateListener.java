package dev.safespeak.signoff;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Re-checks a release's approval when an approval gate's answer may have changed. */
@Component
class ApprovalGateListener {

    private final SignOffService signOffs;

    ApprovalGateListener(SignOffService signOffs) {
        this.signOffs = signOffs;
    }

    @ApplicationModuleListener
    void on(ApprovalGateChanged event) {
        signOffs.recheckApproval(event.releaseId(), event.actor());
    }
}
