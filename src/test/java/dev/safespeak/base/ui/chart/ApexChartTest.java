package dev.safespeak.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApexChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static JsonNode config(ApexChart chart) throws Exception {
        return JSON.readTree(chart.getElement().getProperty("config"));
    }

    @Test
    void a_line_chart_sends_its_points_as_epoch_millis_and_values() throws Exception {
        Instant t = Instant.parse("2026-11-28T12:00:00Z");
        ApexChart chart = ApexChart.line().title("P95").series(List.of(new ApexChart.TimeSeries("p95",
                List.of(new ApexChart.Point(t, 42.5), new ApexChart.Point(t.plusSeconds(60), 50)))));
        UI.getCurrent().add(chart);

        JsonNode c = config(chart);
        assertThat(chart.getElement().getTag()).isEqualTo("safespeak-apex-chart");
        assertThat(c.at("/chart/type").asText()).isEqualTo("line");
        assertThat(c.at("/title/text").asText()).isEqualTo("P95");
        assertThat(c.at("/xaxis/type").asText()).isEqualTo("datetime");
        assertThat(c.at("/series/0/name").asText()).isEqualTo("p95");
        assertThat(c.at("/series/0/data/0/0").asLong()).isEqualTo(t.toEpochMilli());
        assertThat(c.at("/series/0/data/0/1").asDouble()).isEqualTo(42.5);
        assertThat(c.at("/series/0/data/1/1").asDouble()).isEqualTo(50.0);
    }

    @Test
    void a_missing_value_is_sent_as_null_so_the_line_shows_a_gap() throws Exception {
        ApexChart chart = ApexChart.area().series(List.of(new ApexChart.TimeSeries("a",
                List.of(new ApexChart.Point(Instant.EPOCH, Double.NaN)))));
        JsonNode c = config(chart);
        assertThat(c.at("/chart/type").asText()).isEqualTo("area");
        assertThat(c.at("/series/0/data/0/1").isNull()).isTrue();
    }

    @Test
    void a_threshold_becomes_a_y_axis_annotation() throws Exception {
        ApexChart chart = ApexChart.line().threshold(100, "threshold").yAxis("ms", 0.0, 200.0);
        JsonNode c = config(chart);
        assertThat(c.at("/annotations/yaxis/0/y").asDouble()).isEqualTo(100.0);
        assertThat(c.at("/annotations/yaxis/0/label/text").asText()).isEqualTo("threshold");
        assertThat(c.at("/yaxis/title/text").asText()).isEqualTo("ms");
        assertThat(c.at("/yaxis/max").asDouble()).isEqualTo(200.0);
    }

    @Test
    void a_gauge_sends_one_clamped_percentage_and_its_label() throws Exception {
        ApexChart chart = ApexChart.gauge("Availability").gaugePercent(120);
        JsonNode c = config(chart);
        assertThat(c.at("/chart/type").asText()).isEqualTo("radialBar");
        assertThat(c.at("/series/0").asDouble()).isEqualTo(100.0);
        assertThat(c.at("/labels/0").asText()).isEqualTo("Availability");
        assertThat(config(ApexChart.gauge("x").gaugePercent(99.956)).at("/series/0").asDouble()).isEqualTo(99.96);
    }

    @Test
    void a_bar_chart_sends_categories_and_one_value_per_category() throws Exception {
        ApexChart chart = ApexChart.bar().bars(List.of("TOXICITY", "INSULT"),
                List.of(new ApexChart.BarSeries("PSI", List.of(0.05, 0.31))));
        JsonNode c = config(chart);
        assertThat(c.at("/chart/type").asText()).isEqualTo("bar");
        assertThat(c.at("/xaxis/categories/1").asText()).isEqualTo("INSULT");
        assertThat(c.at("/series/0/data/1").asDouble()).isEqualTo(0.31);
    }

    @Test
    void changing_the_data_replaces_the_config_property() throws Exception {
        ApexChart chart = ApexChart.gauge("a").gaugePercent(10);
        chart.gaugePercent(20);
        assertThat(config(chart).at("/series/0").asDouble()).isEqualTo(20.0);
    }

    @Test
    void wrong_data_for_the_chart_kind_is_refused_with_a_message() {
        assertThatThrownBy(() -> ApexChart.bar().series(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time series need a line or area chart, not BAR");
        assertThatThrownBy(() -> ApexChart.line().gaugePercent(3))
                .hasMessage("a gauge value needs a gauge, not LINE");
        assertThatThrownBy(() -> ApexChart.bar().bars(List.of("a", "b"),
                List.of(new ApexChart.BarSeries("s", List.of(1.0)))))
                .hasMessage("series 's' has 1 values for 2 categories");
        assertThatThrownBy(() -> ApexChart.line().heightPx(0)).hasMessage("heightPx must be > 0 but was 0");
        assertThatThrownBy(() -> ApexChart.line().yAxis("y", 5.0, 1.0)).hasMessage("y axis min 5.0 is above max 1.0");
        assertThatThrownBy(() -> ApexChart.gauge("g").threshold(1, "t"))
                .hasMessage("threshold is not available on a RADIAL_GAUGE chart");
    }
}
