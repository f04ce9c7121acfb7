package dev.safespeak.audit.ui;

import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.safespeak.audit.AuditService;
import dev.safespeak.audit.ReleaseReportService;
import dev.safespeak.signoff.ExecutivePanelContributor;

/**
 * The executive page's report panel: the audit chain's state and the release report downloads, for the readers
 * of the audit trail. Contributed through the signoff module's extension point, since nothing may depend on audit.
 */
@org.springframework.stereotype.Component
class ReportPanel implements ExecutivePanelContributor {

    private final ReleaseReportService reports;
    private final AuditService audit;

    ReportPanel(ReleaseReportService reports, AuditService audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    public com.vaadin.flow.component.Component panel(long releaseId) {
        VerticalLayout box = new VerticalLayout(new H3(Messages.get("report.title")));
        box.setId("report-panel");
        box.setPadding(false);
        box.setSpacing(false);
        if (!reports.mayExport()) {
            box.add(new Span(Messages.get("report.who")));
            return box;
        }
        Span chain = new Span(Messages.get("report.chain", audit.verify().summary()));
        chain.setId("report-chain-state");
        box.add(chain, ReportDownloads.links(reports, releaseId));
        return box;
    }
}
