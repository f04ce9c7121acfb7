package dev.safespeak.evidence.ui;

import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.safespeak.base.ui.chart.ApexChart;
import dev.safespeak.evidence.CriterionStatus;
import dev.safespeak.evidence.GateVerdict;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.evidence.TrendPoint;
import dev.safespeak.evidence.TrendWindow;
import java.util.List;
import java.util.Locale;

/**
 * The success criteria of the deployment checklist, each with its current value, threshold, pass/fail, what the
 * number means, a waiver when there is one, and its trend over 1 h, 24 h or 7 d. Shown on the evidence page and,
 * through the executive panel contributor, on the executive sign-off page.
 */
class CriteriaPanel extends VerticalLayout {

    private final SuccessCriteriaService criteria;

    CriteriaPanel(SuccessCriteriaService criteria, Long releaseId) {
        this.criteria = criteria;
        setPadding(false);
        setId("success-criteria");
        List<CriterionStatus> statuses = criteria.current(releaseId);
        add(new H3(Messages.get("criteria.title")));
        if (releaseId != null) {
            GateVerdict verdict = GateVerdict.of(statuses);
            Span gate = badge(verdict.passing() ? Messages.get("criteria.gate-open")
                    : Messages.get("criteria.gate-blocked", verdict.reasons().size()), verdict.passing());
            gate.setId("criteria-gate");
            add(gate);
        }
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        statuses.forEach(s -> cards.add(card(s)));
        add(cards);
    }

    private Component card(CriterionStatus s) {
        VerticalLayout card = new VerticalLayout();
        card.setId("criterion-" + s.criterion().name());
        card.setWidth("26rem");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        H4 title = new H4(s.criterion().itemText());
        title.getStyle().set("margin", "0");
        Span value = new Span(valueText(s));
        value.setId("value-" + s.criterion().name());
        value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span status = s.passing() ? badge(Messages.get("criteria.pass"), true)
                : s.waiver() != null ? badge(Messages.get("criteria.waived"), null)
                : badge(Messages.get("criteria.fail"), false);
        status.setId("status-" + s.criterion().name());
        HorizontalLayout head = new HorizontalLayout(value, status);
        head.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        card.add(title, head);
        if (s.criterion().measurable()) {
            card.add(small(Messages.get("criteria.threshold", thresholdText(s))));
        }
        Paragraph basis = small(Messages.get("criteria.basis", s.basis()));
        basis.setId("basis-" + s.criterion().name());
        card.add(small(s.meaning()), basis);
        if (s.waiver() != null) {
            Paragraph waiver = small(Messages.get("criteria.waived-by", s.waiver().waivedBy(),
                    Messages.dateTime(s.waiver().waivedAt()), s.waiver().reason()));
            waiver.setId("waiver-" + s.criterion().name());
            card.add(waiver);
        }
        if (s.criterion().measurable()) {
            ApexChart chart = ApexChart.line().heightPx(180).decimals(s.criterion() == SuccessCriterion.P95_LATENCY ? 0 : 3);
            chart.setId("trend-" + s.criterion().name());
            chart.threshold(s.threshold(), Messages.get("criteria.threshold-line"));
            RadioButtonGroup<TrendWindow> window = new RadioButtonGroup<>();
            window.setItems(TrendWindow.values());
            window.setItemLabelGenerator(TrendWindow::label);
            window.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    showTrend(chart, s.criterion(), e.getValue());
                }
            });
            window.setValue(TrendWindow.HOUR);
            card.add(window, chart);
        }
        return card;
    }

    private void showTrend(ApexChart chart, SuccessCriterion criterion, TrendWindow window) {
        List<TrendPoint> points = criteria.trend(criterion, window);
        chart.series(List.of(new ApexChart.TimeSeries(criterion.itemText() + " (" + window.label() + ")",
                points.stream().map(p -> new ApexChart.Point(p.start(), p.value())).toList())));
    }

    static String valueText(CriterionStatus s) {
        if (!s.criterion().measurable()) {
            return Messages.get("criteria.manual");
        }
        if (s.value() == null) {
            return Messages.get("criteria.no-data");
        }
        return switch (s.criterion()) {
            case P95_LATENCY -> String.format(Locale.ROOT, "%.1f ms", s.value());
            default -> String.format(Locale.ROOT, "%.3f %%", s.value());
        };
    }

    private static String thresholdText(CriterionStatus s) {
        return switch (s.criterion()) {
            case AVAILABILITY, MODEL_ACCURACY -> String.format(Locale.ROOT, "> %s %%", trim(s.threshold()));
            case ERROR_RATE -> String.format(Locale.ROOT, "< %s %%", trim(s.threshold()));
            case P95_LATENCY -> String.format(Locale.ROOT, "< %s ms", trim(s.threshold()));
            case AUTO_SCALING -> "";
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static Span badge(String text, Boolean good) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(good == null ? "badge contrast" : good ? "badge success" : "badge error");
        return badge;
    }

    private static Paragraph small(String text) {
        Paragraph p = new Paragraph(text);
        p.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)");
        return p;
    }

    static Div spacer() {
        return new Div();
    }
}
