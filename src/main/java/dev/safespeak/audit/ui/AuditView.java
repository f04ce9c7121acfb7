package dev.safespeak.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.AuditFilter;
import dev.safespeak.audit.AuditService;
import dev.safespeak.audit.AuditVerification;
import dev.safespeak.audit.ReleaseReportService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit trail with filters, the keyed chain's verification (key ids, unsigned entries, checkpoints) and the
 * release report downloads.
 */
@Route("audit")
@Menu(title = "Audit trail", order = 80)
@RolesAllowed({Roles.ADMIN, Roles.LEGAL_COMPLIANCE, Roles.EXECUTIVE_LEADERSHIP, Roles.CTO, Roles.CPO, Roles.CEO})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.audit"));
    }

    /** Rows the grid shows at most; narrow the filters for older entries. */
    static final int ROWS = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final AuditService audit;

    final TextField actor = new TextField(Messages.get("audit.actor"));
    final TextField action = new TextField(Messages.get("audit.action"));
    final TextField subject = new TextField(Messages.get("audit.subject"));
    final DateTimePicker from = new DateTimePicker(Messages.get("audit.from"));
    final DateTimePicker to = new DateTimePicker(Messages.get("audit.to"));
    final Button search = new Button(Messages.get("audit.search"));
    final Grid<AuditEntry> grid = new Grid<>();
    final Button verify = new Button(Messages.get("audit.verify"));
    final Span verification = new Span();
    final Span verificationDetails = new Span();
    final ComboBox<ReleaseView> release = new ComboBox<>(Messages.get("audit.report"));
    final Div downloads = new Div();

    AuditView(AuditService audit, ReleaseReportService reports) {
        this.audit = audit;
        setSizeFull();
        add(new H2(Messages.get("audit.title")));

        actor.setId("filter-actor");
        action.setId("filter-action");
        subject.setId("filter-subject");
        subject.setPlaceholder("release:3");
        from.setId("filter-from");
        to.setId("filter-to");
        search.setId("search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(actor, action, subject, from, to, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        verify.setId("verify");
        verification.setId("verification");
        verificationDetails.setId("verification-details");
        verify.addClickListener(e -> showVerification(audit.verify()));
        HorizontalLayout verifyRow = new HorizontalLayout(verify, verification, verificationDetails);
        verifyRow.setWrap(true);
        verifyRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        grid.setId("audit-grid");
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(Messages.get("audit.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(Messages.get("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(Messages.get("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::subject).setHeader(Messages.get("audit.subject")).setAutoWidth(true);
        grid.addColumn(AuditEntry::before).setHeader(Messages.get("audit.before")).setFlexGrow(1);
        grid.addColumn(AuditEntry::after).setHeader(Messages.get("audit.after")).setFlexGrow(2);
        grid.addColumn(e -> e.hash().substring(0, 12)).setHeader(Messages.get("audit.hash")).setAutoWidth(true);
        grid.addColumn(e -> e.signed() ? e.keyId() : Messages.get("audit.unsigned")).setHeader(Messages.get("audit.key")).setAutoWidth(true);
        grid.setSizeFull();

        release.setId("report-release");
        release.setItems(reports.releases());
        release.setItemLabelGenerator(r -> r.name() + " " + r.version());
        release.addValueChangeListener(e -> {
            downloads.removeAll();
            if (e.getValue() != null) {
                downloads.add(ReportDownloads.links(reports, e.getValue().id()));
            }
        });
        HorizontalLayout reportRow = new HorizontalLayout(release, downloads);
        reportRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        add(filters, verifyRow, grid, new H3(Messages.get("audit.report")), reportRow);
        refresh();
    }

    void refresh() {
        try {
            grid.setItems(audit.search(new AuditFilter(actor.getValue(), action.getValue(), subject.getValue(),
                    instant(from.getValue()), instant(to.getValue())), ROWS));
        } catch (IllegalArgumentException invalid) {
            Notification.show(invalid.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showVerification(AuditVerification result) {
        verification.setText(result.summary());
        verification.getElement().getThemeList().clear();
        verification.getElement().getThemeList().add("badge");
        verification.getElement().getThemeList().add(switch (result.status()) {
            case INTACT -> "success";
            case NOT_VERIFIED -> "contrast";
            case BROKEN -> "error";
        });
        String keys = result.keysSummary();
        String checkpoints = result.checkpoints().map(AuditVerification.CheckpointCheck::summary)
                .orElse(Messages.get("audit.no-checkpoint"));
        verificationDetails.setText(keys.isEmpty()
                ? Messages.get("audit.details", result.currentKeyId(), checkpoints)
                : Messages.get("audit.details-entries", result.currentKeyId(), keys, checkpoints));
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
