package dev.safespeak.evidence.ui;

import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.signoff.ExecutivePanelContributor;

/** Puts the success criteria panel, with waivers and trends, on the executive sign-off page. */
@org.springframework.stereotype.Component
class CriteriaExecutivePanel implements ExecutivePanelContributor {

    private final SuccessCriteriaService criteria;

    CriteriaExecutivePanel(SuccessCriteriaService criteria) {
        this.criteria = criteria;
    }

    @Override
    public com.vaadin.flow.component.Component panel(long releaseId) {
        return new CriteriaPanel(criteria, releaseId);
    }

    @Override
    public boolean explainsGates() {
        return true;
    }
}
