package dev.safespeak.base.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chart drawn in the browser by the ApexCharts library, configured from Java with a typed API for the
 * kinds the board needs: line and area time series, a radial gauge and a bar chart.
 *
 * <p>The whole ApexCharts options object is built here with Jackson and sent to the client as one JSON
 * string property ({@code config}); the web component in {@code frontend/src/apex-chart.js} parses it and
 * creates or updates the chart. Nothing but data and options crosses the wire, so the Java side is fully
 * testable without a browser through {@link #toJson()}.
 */
@Tag("safespeak-apex-chart")
@NpmPackage(value = "apexcharts", version = ApexChart.APEXCHARTS_VERSION)
@JsModule("./src/apex-chart.js")
public class ApexChart extends Component implements HasSize {

    /** The ApexCharts npm version the component is written against. */
    public static final String APEXCHARTS_VERSION = "5.3.6";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The chart kinds this component supports. */
    public enum Kind {
        LINE("line"), AREA("area"), RADIAL_GAUGE("radialBar"), BAR("bar");

        private final String apexType;

        Kind(String apexType) {
            this.apexType = apexType;
        }

        /** The ApexCharts {@code chart.type} value. */
        public String apexType() {
            return apexType;
        }
    }

    /** One point of a time series. */
    public record Point(Instant time, double value) {
        public Point {
            Objects.requireNonNull(time, "time is null");
        }
    }

    /** A named series of points, drawn as one line or area. */
    public record TimeSeries(String name, List<Point> points) {
        public TimeSeries {
            Objects.requireNonNull(name, "series name is null");
            points = List.copyOf(points);
        }
    }

    /** A named series of bar heights, one per category. */
    public record BarSeries(String name, List<Double> values) {
        public BarSeries {
            Objects.requireNonNull(name, "series name is null");
            values = List.copyOf(values);
        }
    }

    /** A horizontal reference line, for example a success criterion's threshold. */
    public record Threshold(double value, String label, String color) {
    }

    private final Kind kind;
    private String title;
    private int heightPx = 240;
    private String yTitle;
    private Double yMin;
    private Double yMax;
    private int decimals = 2;
    private List<String> colors = List.of();
    private final List<Threshold> thresholds = new ArrayList<>();
    private List<TimeSeries> timeSeries = List.of();
    private double gaugePercent;
    private String gaugeLabel = "";
    private List<String> categories = List.of();
    private List<BarSeries> barSeries = List.of();
    private boolean horizontalBars;

    private ApexChart(Kind kind) {
        this.kind = kind;
        setWidthFull();
        push();
    }

    /** A line chart of time series. */
    public static ApexChart line() {
        return new ApexChart(Kind.LINE);
    }

    /** An area chart of time series. */
    public static ApexChart area() {
        return new ApexChart(Kind.AREA);
    }

    /** A radial gauge showing one percentage. */
    public static ApexChart gauge(String label) {
        ApexChart chart = new ApexChart(Kind.RADIAL_GAUGE);
        chart.gaugeLabel = label == null ? "" : label;
        chart.push();
        return chart;
    }

    /** A bar chart with categories on the x axis. */
    public static ApexChart bar() {
        return new ApexChart(Kind.BAR);
    }

    public Kind kind() {
        return kind;
    }

    public ApexChart title(String title) {
        this.title = title;
        return push();
    }

    public ApexChart heightPx(int heightPx) {
        if (heightPx <= 0) {
            throw new IllegalArgumentException("heightPx must be > 0 but was " + heightPx);
        }
        this.heightPx = heightPx;
        return push();
    }

    /** The y axis title and bounds; null bounds let ApexCharts choose. */
    public ApexChart yAxis(String title, Double min, Double max) {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("y axis min " + min + " is above max " + max);
        }
        this.yTitle = title;
        this.yMin = min;
        this.yMax = max;
        return push();
    }

    /** Decimals shown on the y axis and in tooltips. */
    public ApexChart decimals(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0 but was " + decimals);
        }
        this.decimals = decimals;
        return push();
    }

    /** Series colours as CSS colour strings, in series order. */
    public ApexChart colors(String... colors) {
        this.colors = List.of(colors);
        return push();
    }

    /** Adds a horizontal reference line (time series and bar charts). */
    public ApexChart threshold(double value, String label) {
        requireNot(Kind.RADIAL_GAUGE, "threshold");
        thresholds.add(new Threshold(value, label, "#d32f2f"));
        return push();
    }

    /** Replaces the time series (line and area charts only). */
    public ApexChart series(List<TimeSeries> series) {
        if (kind != Kind.LINE && kind != Kind.AREA) {
            throw new IllegalArgumentException("time series need a line or area chart, not " + kind);
        }
        this.timeSeries = List.copyOf(series);
        return push();
    }

    /** Sets the gauge value in percent, clamped to [0, 100] (gauges only). */
    public ApexChart gaugePercent(double percent) {
        if (kind != Kind.RADIAL_GAUGE) {
            throw new IllegalArgumentException("a gauge value needs a gauge, not " + kind);
        }
        if (Double.isNaN(percent)) {
            throw new IllegalArgumentException("gauge percent is NaN");
        }
        this.gaugePercent = Math.max(0, Math.min(100, percent));
        return push();
    }

    /** Replaces categories and bar series (bar charts only); every series needs one value per category. */
    public ApexChart bars(List<String> categories, List<BarSeries> series) {
        if (kind != Kind.BAR) {
            throw new IllegalArgumentException("bars need a bar chart, not " + kind);
        }
        for (BarSeries s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        this.categories = List.copyOf(categories);
        this.barSeries = List.copyOf(series);
        return push();
    }

    public ApexChart horizontal(boolean horizontal) {
        requireNot(Kind.LINE, "horizontal");
        this.horizontalBars = horizontal;
        return push();
    }

    /** The ApexCharts options object this chart sends to the browser. */
    public ObjectNode options() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode chart = root.putObject("chart");
        chart.put("type", kind.apexType());
        chart.put("height", heightPx);
        chart.putObject("animations").put("enabled", false);
        chart.putObject("toolbar").put("show", false);
        chart.putObject("zoom").put("enabled", false);
        chart.put("fontFamily", "inherit");
        if (title != null) {
            root.putObject("title").put("text", title);
        }
        if (!colors.isEmpty()) {
            ArrayNode c = root.putArray("colors");
            colors.forEach(c::add);
        }
        root.putObject("noData").put("text", "No data yet");
        switch (kind) {
            case LINE, AREA -> timeSeriesOptions(root);
            case RADIAL_GAUGE -> gaugeOptions(root);
            case BAR -> barOptions(root);
        }
        return root;
    }

    /** {@link #options()} as the JSON string sent in the element's {@code config} property. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(options());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart options cannot be written as JSON", e);
        }
    }

    private void timeSeriesOptions(ObjectNode root) {
        ArrayNode series = root.putArray("series");
        for (TimeSeries s : timeSeries) {
            ObjectNode node = series.addObject();
            node.put("name", s.name());
            ArrayNode data = node.putArray("data");
            for (Point p : s.points()) {
                ArrayNode pair = data.addArray();
                pair.add(p.time().toEpochMilli());
                if (Double.isFinite(p.value())) {
                    pair.add(p.value());
                } else {
                    pair.addNull();
                }
            }
        }
        root.putObject("xaxis").put("type", "datetime").putObject("labels").put("datetimeUTC", false);
        yAxisOptions(root);
        root.putObject("stroke").put("curve", "straight").put("width", 2);
        root.putObject("dataLabels").put("enabled", false);
        root.putObject("tooltip").putObject("x").put("format", "dd MMM HH:mm:ss");
        if (kind == Kind.AREA) {
            root.putObject("fill").put("type", "solid").put("opacity", 0.25);
        }
        thresholdOptions(root);
    }

    private void gaugeOptions(ObjectNode root) {
        root.putArray("series").add(Math.round(gaugePercent * 100.0) / 100.0);
        root.putArray("labels").add(gaugeLabel);
        ObjectNode radial = root.putObject("plotOptions").putObject("radialBar");
        radial.put("startAngle", -135).put("endAngle", 135);
        radial.putObject("hollow").put("size", "60%");
        ObjectNode labels = radial.putObject("dataLabels");
        labels.putObject("name").put("fontSize", "13px");
        labels.putObject("value").put("fontSize", "20px");
    }

    private void barOptions(ObjectNode root) {
        ArrayNode series = root.putArray("series");
        for (BarSeries s : barSeries) {
            ObjectNode node = series.addObject();
            node.put("name", s.name());
            ArrayNode data = node.putArray("data");
            s.values().forEach(v -> {
                if (v == null || !Double.isFinite(v)) {
                    data.addNull();
                } else {
                    data.add(v);
                }
            });
        }
        ArrayNode cats = root.putObject("xaxis").putArray("categories");
        categories.forEach(cats::add);
        root.putObject("plotOptions").putObject("bar").put("horizontal", horizontalBars);
        root.putObject("dataLabels").put("enabled", false);
        yAxisOptions(root);
        thresholdOptions(root);
    }

    private void yAxisOptions(ObjectNode root) {
        ObjectNode y = root.putObject("yaxis");
        if (yTitle != null) {
            y.putObject("title").put("text", yTitle);
        }
        if (yMin != null) {
            y.put("min", yMin);
        }
        if (yMax != null) {
            y.put("max", yMax);
        }
        y.put("decimalsInFloat", decimals);
        y.put("forceNiceScale", true);
    }

    private void thresholdOptions(ObjectNode root) {
        if (thresholds.isEmpty()) {
            return;
        }
        ArrayNode lines = root.putObject("annotations").putArray("yaxis");
        for (Threshold t : thresholds) {
            ObjectNode line = lines.addObject();
            line.put("y", t.value());
            line.put("borderColor", t.color());
            line.put("strokeDashArray", 4);
            ObjectNode label = line.putObject("label");
            label.put("text", t.label());
            label.put("borderColor", t.color());
            label.putObject("style").put("color", "#fff").put("background", t.color());
        }
    }

    private void requireNot(Kind forbidden, String what) {
        if (kind == forbidden) {
            throw new IllegalArgumentException(what + " is not available on a " + kind + " chart");
        }
    }

    private ApexChart push() {
        getElement().setProperty("config", toJson());
        return this;
    }
}
