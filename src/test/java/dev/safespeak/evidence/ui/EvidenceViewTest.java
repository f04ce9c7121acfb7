package dev.safespeak.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.base.ui.chart.ApexChart;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.security.Role;
import org.junit.jupiter.api.Test;

class EvidenceViewTest extends KaribuTest {

    @Test
    void the_page_polls_at_the_sampling_interval_and_rebuilds_its_live_panel_until_it_is_left() {
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("evidence");
        EvidenceView view = _get(EvidenceView.class);
        assertThat(UI.getCurrent().getPollInterval()).isPositive();
        assertThat(view.asOf.getText()).matches("As of \\d\\d:\\d\\d:\\d\\d UTC; refreshed every \\d+ s");
        Span before = _get(Span.class, spec -> spec.withId("status-AVAILABILITY"));

        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(),
                new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));

        assertThat(_get(Span.class, spec -> spec.withId("status-AVAILABILITY"))).isNotSameAs(before);
        UI.getCurrent().navigate("releases");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void the_evidence_page_shows_every_criterion_with_value_and_status() {
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("evidence");
        for (SuccessCriterion c : SuccessCriterion.values()) {
            assertThat(_get(Span.class, spec -> spec.withId("status-" + c.name())).getText()).isIn("PASS", "FAIL");
        }
        // Without probe results it says so; in a shared test context a scheduled probe may already have run.
        assertThat(_get(Span.class, spec -> spec.withId("value-AVAILABILITY")).getText())
                .matches("no data|\\d+\\.\\d+ %");
        assertThat(_get(Span.class, spec -> spec.withId("value-AUTO_SCALING")).getText()).isEqualTo("manual evidence");
    }

    @Test
    void each_measurable_criterion_has_a_trend_chart_with_its_threshold() throws Exception {
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("evidence");
        ApexChart chart = _get(ApexChart.class, spec -> spec.withId("trend-P95_LATENCY"));
        var config = new ObjectMapper().readTree(chart.getElement().getProperty("config"));
        assertThat(config.at("/chart/type").asText()).isEqualTo("line");
        assertThat(config.at("/annotations/yaxis/0/y").asDouble()).isEqualTo(100.0);
        assertThat(config.at("/series/0/data").size()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void the_cto_waives_a_failing_criterion_on_the_release_page_and_it_shows_as_waived() {
        login("cto", Role.CTO);
        UI.getCurrent().navigate("releases/77/evidence");
        assertThat(_get(Span.class, spec -> spec.withId("status-ERROR_RATE")).getText()).isEqualTo("FAIL");
        @SuppressWarnings("unchecked")
        ComboBox<SuccessCriterion> which = _get(ComboBox.class, spec -> spec.withId("waiver-criterion"));
        which.setValue(SuccessCriterion.ERROR_RATE);
        _setValue(_get(TextField.class, spec -> spec.withId("waiver-reason")), "no traffic before launch");
        _click(_get(Button.class, spec -> spec.withId("waive-button")));
        assertThat(_get(Span.class, spec -> spec.withId("status-ERROR_RATE")).getText()).isEqualTo("WAIVED");
        assertThat(_get(Paragraph.class, spec -> spec.withId("waiver-ERROR_RATE")).getText())
                .contains("Waived by cto").contains("no traffic before launch");
    }

    @Test
    void the_release_page_says_when_the_gate_blocks_approval() {
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("releases/78/evidence");
        assertThat(_get(Span.class, spec -> spec.withId("criteria-gate")).getText())
                .startsWith("Gate: approval blocked by");
    }

    @Test
    void a_release_evidence_page_names_the_release_not_its_id() {
        var templates = ctx.getBean(dev.safespeak.golive.ChecklistTemplateService.class);
        var release = ctx.getBean(dev.safespeak.golive.ReleaseService.class).createReleaseAsSystem("Evidence title",
                "3.1", java.time.LocalDate.now().plusDays(14), templates.defaultTemplate().id(), "test");
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("releases/" + release.id() + "/evidence");
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("evidence-title")).getText())
                .isEqualTo("Live evidence for Evidence title 3.1");
    }

    @Test
    void an_unknown_release_says_it_does_not_exist() {
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("releases/987654/evidence");
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("evidence-title")).getText())
                .isEqualTo("Live evidence: release 987,654 does not exist");
    }

    @Test
    void check_runs_and_alerts_read_as_sentences_with_human_times() {
        assertThat(EvidenceView.runText(new dev.safespeak.evidence.CheckRun(1, "api-probe", true, "200 OK", 12,
                java.time.Instant.parse("2026-12-05T21:14:03Z"), "qa_lead")))
                .isEqualTo("200 OK (12 ms, Dec 5, 2026, 9:14:03 PM UTC, qa_lead)");
    }
}
