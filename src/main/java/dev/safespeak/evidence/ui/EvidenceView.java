package dev.safespeak.evidence.ui;

import dev.safespeak.base.BusinessException;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.safespeak.base.ui.LiveRefresh;
import dev.safespeak.base.ui.NarrowWindow;
import dev.safespeak.base.ui.chart.ApexChart;
import dev.safespeak.evidence.CheckRun;
import dev.safespeak.evidence.DemoTrafficService;
import dev.safespeak.evidence.DriftReport;
import dev.safespeak.evidence.DriftService;
import dev.safespeak.evidence.EvaluationRun;
import dev.safespeak.evidence.EvaluationService;
import dev.safespeak.evidence.EvidenceAlert;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.evidence.RollbackService;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.evidence.TrendWindow;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live evidence page: alerts with the one-click model rollback, the success criteria with their trends, the
 * automated readiness checks with their last runs, drift against the evaluation baseline and the evaluation of
 * the active model. Opened for a release ({@code releases/:releaseId/evidence}) it also takes the CTO's waivers
 * and DevOps' manual evidence for that release.
 */
@Route("evidence")
@RouteAlias("releases/:releaseId/evidence")
@Menu(title = "Evidence", order = 30)
@PermitAll
class EvidenceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.evidence"));
    }

    private final SuccessCriteriaService criteria;
    private final ReadinessCheckService checks;
    private final DriftService drift;
    private final RollbackService rollback;
    private final EvaluationService evaluations;
    private final DemoTrafficService demo;
    private final ReleaseService releases;
    private final int refreshSeconds;
    private final java.time.Clock clock;
    private Long releaseId;
    private CriteriaPanel criteriaPanel;
    final Span asOf = new Span();

    EvidenceView(SuccessCriteriaService criteria, ReadinessCheckService checks, DriftService drift,
                 RollbackService rollback, EvaluationService evaluations, DemoTrafficService demo,
                 @org.springframework.beans.factory.annotation.Value(
                         "${safespeak.evidence.sample-interval-seconds:10}") int refreshSeconds,
                 java.time.Clock clock, ReleaseService releases) {
        this.releases = releases;
        this.refreshSeconds = refreshSeconds;
        this.clock = clock;
        asOf.setId("evidence-as-of");
        LiveRefresh.whileAttached(this, refreshSeconds, this::refreshLive);
        this.demo = demo;
        this.criteria = criteria;
        this.checks = checks;
        this.drift = drift;
        this.rollback = rollback;
        this.evaluations = evaluations;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("releaseId");
        releaseId = id.orElse(null);
        render();
    }

    private void render() {
        removeAll();
        add(title());
        if (demo.running()) {
            Span label = CriteriaPanel.badge(Messages.get("evidence.demo-traffic"), null);
            label.setId("demo-traffic-label");
            add(label);
        }
        add(asOf);
        stampAsOf();
        add(alerts());
        criteriaPanel = new CriteriaPanel(criteria, releaseId);
        add(criteriaPanel);
        if (releaseId != null) {
            add(releaseActions());
        } else {
            add(note(Messages.get("evidence.open-from-release")));
        }
        add(checksSection(), driftSection(), evaluationSection());
    }

    /** "Live evidence", or "Live evidence for SafeSpeak 1.0 1.0.0" when opened from a release. */
    H2 title() {
        H2 title = new H2(releaseId == null ? Messages.get("evidence.title") : releaseTitle(releaseId));
        title.setId("evidence-title");
        return title;
    }

    private String releaseTitle(long id) {
        try {
            ReleaseView release = releases.release(id);
            return Messages.get("evidence.title-release", release.name() + " " + release.version());
        } catch (BusinessException e) {
            return Messages.get("evidence.title-missing", id);
        }
    }

    /**
     * The metrics and criteria again, at the sampling interval (the page polls while it is open): only that panel is
     * rebuilt, so a form being filled in below it keeps what was typed.
     */
    void refreshLive() {
        CriteriaPanel fresh = new CriteriaPanel(criteria, releaseId);
        if (criteriaPanel != null && criteriaPanel.getParent().isPresent()) {
            replace(criteriaPanel, fresh);
        }
        criteriaPanel = fresh;
        stampAsOf();
    }

    private void stampAsOf() {
        asOf.setText(LiveRefresh.asOf(clock, refreshSeconds));
    }

    private VerticalLayout alerts() {
        VerticalLayout box = section(Messages.get("evidence.alerts"), "alerts");
        List<EvidenceAlert> open = rollback.openAlerts();
        Checkbox live = new Checkbox(Messages.get("evidence.live"), rollback.live());
        live.setId("rollback-live");
        // Shown to all, changed only by whom the service accepts it from (DevOps, the CTO, an admin).
        live.setReadOnly(!rollback.canOperate());
        live.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                rollback.setLive(e.getValue());
            }
        });
        box.add(live);
        if (open.isEmpty()) {
            box.add(note(Messages.get("evidence.no-alert")));
        }
        for (EvidenceAlert alert : open) {
            Span text = new Span(Messages.get("evidence.alert", Messages.label(alert.kind()),
                    Messages.dateTime(alert.raisedAt()), alert.message()));
            HorizontalLayout row = new HorizontalLayout(CriteriaPanel.badge(Messages.label(alert.kind()), false), text);
            row.setId("alert-" + alert.id());
            if (rollback.canResolve()) {
                Button resolve = new Button(Messages.get("evidence.resolve"), e -> {
                    rollback.resolve(alert.id());
                    render();
                });
                resolve.setId("resolve-" + alert.id());
                row.add(resolve);
            }
            if (alert.kind() == EvidenceAlert.Kind.ROLLBACK && rollback.canOperate()) {
                Button back = new Button(Messages.get("evidence.roll-back"), e -> {
                    String version = rollback.rollbackModel("from the board: " + alert.message());
                    Notification.show(Messages.get("evidence.rolled-back", version));
                    render();
                });
                back.setId("rollback-button");
                back.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
                row.add(back);
            }
            box.add(row);
        }
        return box;
    }

    /** The CTO's waivers and DevOps' manual evidence, each offered only to whom the service accepts it from. */
    private VerticalLayout releaseActions() {
        VerticalLayout box = section(Messages.get("evidence.release-actions"), "release-actions");
        if (!criteria.canWaive() && !criteria.canRecordManualEvidence()) {
            Paragraph who = note(Messages.get("evidence.release-actions.who"));
            who.setId("release-actions-who");
            box.add(who);
            return box;
        }
        ComboBox<SuccessCriterion> which = new ComboBox<>(Messages.get("evidence.criterion"), SuccessCriterion.values());
        which.setItemLabelGenerator(SuccessCriterion::itemText);
        which.setId("waiver-criterion");
        TextField reason = new TextField(Messages.get("evidence.waiver-reason"));
        reason.setId("waiver-reason");
        reason.setWidth("30rem");
        which.setRequiredIndicatorVisible(true);
        which.setErrorMessage(Messages.get("evidence.criterion-required"));
        which.addValueChangeListener(e -> which.setInvalid(false));
        Button waive = new Button(Messages.get("evidence.waive"), e -> {
            if (which.getValue() == null) {
                // No criterion is assumed: a waiver's written reason must go with the criterion it was written for.
                which.setInvalid(true);
                return;
            }
            criteria.waive(releaseId, which.getValue(), reason.getValue());
            Notification.show(Messages.get("evidence.waived"));
            render();
        });
        waive.setId("waive-button");
        Button revoke = new Button(Messages.get("evidence.revoke"), e -> {
            if (which.getValue() == null) {
                which.setInvalid(true);
                return;
            }
            criteria.revokeWaiver(releaseId, which.getValue());
            Notification.show(Messages.get("evidence.waiver-revoked", which.getValue().itemText()));
            render();
        });
        revoke.setId("revoke-button");
        HorizontalLayout waiverRow = new HorizontalLayout(which, reason, waive, revoke);
        waiverRow.setId("waiver-row");
        waiverRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        waiverRow.setWrap(true);
        waiverRow.setVisible(criteria.canWaive());

        TextField link = new TextField(Messages.get("evidence.manual-link"));
        link.setId("manual-link");
        link.setWidth("24rem");
        TextField manualNote = new TextField(Messages.get("evidence.manual-note"));
        manualNote.setId("manual-note");
        manualNote.setWidth("24rem");
        Checkbox passed = new Checkbox(Messages.get("evidence.manual-passed"), true);
        Button record = new Button(Messages.get("evidence.manual-record"), e -> {
            criteria.recordManualEvidence(releaseId, SuccessCriterion.AUTO_SCALING, link.getValue(),
                    manualNote.getValue(), passed.getValue());
            Notification.show(Messages.get("evidence.manual-recorded"));
            render();
        });
        record.setId("manual-button");
        HorizontalLayout manualRow = new HorizontalLayout(link, manualNote, passed, record);
        manualRow.setId("manual-row");
        manualRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        manualRow.setWrap(true);
        manualRow.setVisible(criteria.canRecordManualEvidence());
        box.add(waiverRow, manualRow);
        return box;
    }

    private VerticalLayout checksSection() {
        VerticalLayout box = section(Messages.get("evidence.checks"), "checks");
        Grid<ReadinessCheck> grid = new Grid<>();
        grid.setId("checks-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        List<Grid.Column<ReadinessCheck>> wide = new ArrayList<>(List.of(
                grid.addColumn(ReadinessCheck::name).setHeader(Messages.get("evidence.checks.check")).setAutoWidth(true),
                grid.addColumn(c -> String.join("; ", checks.itemLabels(c, releaseId))).setHeader(Messages.get("evidence.checks.items"))
                        .setFlexGrow(1),
                grid.addComponentColumn(this::lastRunBadge).setHeader(Messages.get("evidence.checks.last-run")).setAutoWidth(true),
                grid.addColumn(c -> checks.latest(c.name()).map(EvidenceView::runText).orElse("")).setHeader(Messages.get("evidence.checks.details"))
                        .setFlexGrow(2),
                grid.addComponentColumn(this::runButton).setHeader("").setAutoWidth(true)));
        if (!checks.canRunChecks()) {
            // No Run buttons for this user: no empty column for them either, whatever the window's width.
            wide.remove(wide.size() - 1).setVisible(false);
        }
        // A phone has room for one column: each check as a card with the same facts and its Run button.
        Grid.Column<ReadinessCheck> card = grid.addComponentColumn(this::checkCard).setHeader(Messages.get("evidence.checks.check"));
        card.setVisible(false);
        NarrowWindow.whileAttached(grid, narrow -> {
            wide.forEach(c -> c.setVisible(!narrow));
            card.setVisible(narrow);
        });
        grid.setItems(checks.checks());
        Button all = new Button(Messages.get("evidence.checks.run-all"), e -> {
            List<CheckRun> runs = new ArrayList<>();
            for (ReadinessCheck c : checks.checks()) {
                runs.add(checks.run(c.name()));
            }
            long passed = runs.stream().filter(CheckRun::passed).count();
            Notification.show(Messages.get("evidence.checks.passed", passed, runs.size()));
            render();
        });
        all.setId("run-all-checks");
        all.setVisible(checks.canRunChecks());
        box.add(note(Messages.get("evidence.checks.note")), all, grid);
        return box;
    }

    private Span lastRunBadge(ReadinessCheck c) {
        return checks.latest(c.name()).map(r -> CriteriaPanel.badge(r.passed() ? Messages.get("evidence.pass")
                        : Messages.get("evidence.fail"), r.passed()))
                .orElse(CriteriaPanel.badge(Messages.get("evidence.checks.not-run"), null));
    }

    private Button runButton(ReadinessCheck c) {
        Button run = new Button(Messages.get("evidence.checks.run"), e -> {
            CheckRun r = checks.run(c.name());
            Notification.show(Messages.get("evidence.checks.ran", c.name(),
                    r.passed() ? Messages.get("evidence.pass") : Messages.get("evidence.fail")));
            render();
        });
        run.setId("run-" + c.name());
        run.setVisible(checks.canRunChecks());
        return run;
    }

    private VerticalLayout checkCard(ReadinessCheck c) {
        Span name = new Span(c.name());
        name.getStyle().set("font-weight", "600");
        Button run = runButton(c);
        run.getStyle().set("margin-left", "auto");
        HorizontalLayout head = new HorizontalLayout(name, lastRunBadge(c), run);
        head.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        head.setWidthFull();
        VerticalLayout card = new VerticalLayout(head,
                note(Messages.get("evidence.checks.card-items", String.join("; ", checks.itemLabels(c, releaseId)))));
        checks.latest(c.name()).ifPresent(r -> card.add(note(runText(r))));
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    static String runText(CheckRun r) {
        return Messages.get("evidence.checks.run-text", r.details(), r.durationMillis(), Messages.dateTime(r.ranAt()),
                r.triggeredBy());
    }

    private VerticalLayout driftSection() {
        VerticalLayout box = section(Messages.get("evidence.drift"), "drift");
        DriftReport report = drift.current();
        List<String> dims = new ArrayList<>(report.psiByAttribute().keySet());
        List<Double> values = new ArrayList<>(report.psiByAttribute().values());
        if (Double.isFinite(report.languagePsi())) {
            dims.add(Messages.get("evidence.drift.language-mix"));
            values.add(report.languagePsi());
        }
        box.add(note(Messages.get("evidence.drift.note", report.threshold())
                + (report.note().isEmpty() ? "" : " " + report.note())));
        ApexChart bars = ApexChart.bar().heightPx(220).decimals(3)
                .bars(dims, List.of(new ApexChart.BarSeries("PSI", values)))
                .threshold(report.threshold(), Messages.get("evidence.drift.threshold"));
        bars.setId("drift-bars");
        ApexChart trend = ApexChart.line().heightPx(200).decimals(3).threshold(report.threshold(), Messages.get("evidence.drift.threshold"))
                .series(List.of(new ApexChart.TimeSeries(Messages.get("evidence.drift.trend"), drift.trend(TrendWindow.HOUR).stream()
                        .map(p -> new ApexChart.Point(p.start(), p.value())).toList())));
        trend.setId("drift-trend");
        box.add(bars, trend);
        return box;
    }

    private VerticalLayout evaluationSection() {
        VerticalLayout box = section(Messages.get("evidence.evaluation"), "evaluation");
        Optional<EvaluationRun> latest = evaluations.latestForActiveModel();
        box.add(note(Messages.get("evidence.evaluation.meaning", EvaluationRun.MEANING)));
        box.add(new Paragraph(latest.map(r -> Messages.get("evidence.evaluation.latest", r.accuracy(), r.modelVersion(),
                r.dataset(), r.texts(), Messages.dateTime(r.ranAt()), r.triggeredBy(), r.details()))
                .orElse(Messages.get("evidence.evaluation.none"))));
        TextField name = new TextField(Messages.get("evidence.evaluation.name"));
        name.setId("evaluation-name");
        TextArea csv = new TextArea(Messages.get("evidence.evaluation.csv"));
        csv.setId("evaluation-csv");
        // The column hint is helper text, which wraps on a phone; a long label does not.
        csv.setHelperText(Messages.get("evidence.evaluation.csv.help"));
        csv.setWidthFull();
        csv.setMaxHeight("12rem");
        Button run = new Button(Messages.get("evidence.evaluation.run"), e -> {
            try {
                EvaluationRun r = evaluations.evaluateCsv(name.getValue().isBlank() ? Messages.get("evidence.evaluation.default-name") : name.getValue(),
                        new StringReader(csv.getValue()));
                Notification.show(Messages.get("evidence.evaluation.done", r.accuracy()));
            } catch (IOException ex) {
                throw new IllegalArgumentException(Messages.get("evidence.evaluation.unreadable"));
            }
            render();
        });
        run.setId("evaluate-button");
        if (evaluations.canEvaluate()) {
            box.add(name, csv, run);
        } else {
            Paragraph who = note(Messages.get("evidence.evaluation.who"));
            who.setId("evaluation-who");
            box.add(who);
        }
        return box;
    }

    private static VerticalLayout section(String title, String id) {
        VerticalLayout box = new VerticalLayout(new H3(title));
        box.setPadding(false);
        box.setId(id);
        return box;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return p;
    }
}
