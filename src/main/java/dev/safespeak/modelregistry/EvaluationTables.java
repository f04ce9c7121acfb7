package dev.safespeak.modelregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's evaluation (the manifest's {@code evaluationSummary} JSON) as small tables a person reads: one table per
 * section, one row per attribute, behaviour or group, one column per metric.
 *
 * <p>A section whose entries are objects ({@code {"TOXICITY": {"macroF1": 0.79, "n": 55337}}}) gets a column per
 * metric; a section of plain numbers ({@code {"hate": 0.26}}) gets one {@code value} column; top-level numbers
 * gather in a section with the empty key. Anything that is not JSON gives no tables.
 *
 * @param tables the sections in the manifest's order
 */
public record EvaluationTables(List<Table> tables) {

    /** The column of a section whose entries are plain values. */
    public static final String VALUE = "value";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One section of the evaluation.
     *
     * @param key     the section's JSON key ({@code testByAttribute}); empty for the top-level values
     * @param columns the metric keys ({@code macroF1}, {@code rocAuc}), or {@link #VALUE}
     * @param rows    one per entry
     */
    public record Table(String key, List<String> columns, List<Row> rows) {
    }

    /**
     * One entry of a section.
     *
     * @param name   the attribute, behaviour or group ({@code TOXICITY})
     * @param values one per column: a {@link Number}, a {@link String}, or null where the entry has no such metric
     */
    public record Row(String name, List<Object> values) {
    }

    public EvaluationTables {
        tables = List.copyOf(tables);
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** The tables of an evaluation JSON; none when it is empty, null or not a JSON object. */
    public static EvaluationTables parse(String json) {
        if (json == null || json.isBlank()) {
            return new EvaluationTables(List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return new EvaluationTables(List.of());
        }
        if (root == null || !root.isObject()) {
            return new EvaluationTables(List.of());
        }
        List<Table> tables = new ArrayList<>();
        List<Row> topLevel = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (section.getValue().isObject()) {
                tables.add(table(section.getKey(), section.getValue()));
            } else {
                topLevel.add(new Row(section.getKey(), java.util.Collections.singletonList(scalar(section.getValue()))));
            }
        }
        if (!topLevel.isEmpty()) {
            tables.add(0, new Table("", List.of(VALUE), topLevel));
        }
        return new EvaluationTables(tables);
    }

    private static Table table(String key, JsonNode section) {
        Set<String> columns = new LinkedHashSet<>();
        boolean plain = false;
        for (JsonNode entry : section) {
            if (entry.isObject()) {
                entry.fieldNames().forEachRemaining(columns::add);
            } else {
                plain = true;
            }
        }
        if (plain) {
            columns.add(VALUE);
        }
        List<String> columnList = List.copyOf(columns);
        List<Row> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<Object> values = new ArrayList<>();
            for (String column : columnList) {
                JsonNode value = entry.getValue().isObject() ? entry.getValue().get(column)
                        : column.equals(VALUE) ? entry.getValue() : null;
                values.add(value == null ? null : scalar(value));
            }
            rows.add(new Row(entry.getKey(), values));
        }
        return new Table(key, columnList, rows);
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
