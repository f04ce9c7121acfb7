package dev.safespeak.moderation;

import dev.safespeak.moderation.LabelledSetEvaluation.AttributeResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Scores a labelled CSV for the test console: a {@code text} column and one column per attribute holding 0 or 1
 * (for example {@code text,TOXICITY,INSULT}); blank labels are skipped for that attribute. At most
 * {@value #MAX_ROWS} rows, scored in batches through {@link ModerationService}.
 */
@Service
public class LabelledSetEvaluator {

    /** Most rows of one upload. */
    public static final int MAX_ROWS = 5_000;

    private final ModerationService engine;

    LabelledSetEvaluator(ModerationService engine) {
        this.engine = engine;
    }

    /** Evaluates the CSV with a model version (null = active); bad rows are reported in {@code skipped}. */
    public LabelledSetEvaluation evaluate(Reader csv, String modelVersion) {
        List<List<String>> rows = parse(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV is empty");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip()).toList();
        int textColumn = -1;
        Map<Integer, Attribute> attributeColumns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase("text")) {
                textColumn = i;
            } else {
                int column = i;
                Attribute.parse(header.get(i)).ifPresentOrElse(a -> attributeColumns.put(column, a), () -> {
                    throw new IllegalArgumentException("column '" + header.get(column) + "' is neither 'text' nor an "
                            + "attribute (TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT)");
                });
            }
        }
        if (textColumn < 0) {
            throw new IllegalArgumentException("the CSV has no 'text' column");
        }
        if (attributeColumns.isEmpty()) {
            throw new IllegalArgumentException("the CSV has no attribute column such as TOXICITY");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new IllegalArgumentException("the CSV has " + (rows.size() - 1) + " rows, at most " + MAX_ROWS
                    + " are allowed");
        }
        List<String> skipped = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Map<Attribute, Boolean>> labels = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String text = textColumn < row.size() ? row.get(textColumn) : "";
            if (text.isBlank()) {
                skipped.add("line " + (r + 1) + ": text is empty");
                continue;
            }
            Map<Attribute, Boolean> label = new EnumMap<>(Attribute.class);
            String problem = null;
            for (var column : attributeColumns.entrySet()) {
                String value = column.getKey() < row.size() ? row.get(column.getKey()).strip() : "";
                switch (value) {
                    case "1", "1.0", "true" -> label.put(column.getValue(), true);
                    case "0", "0.0", "false" -> label.put(column.getValue(), false);
                    case "" -> { }
                    default -> problem = "line " + (r + 1) + ": " + column.getValue() + " is '" + value
                            + "', not 0 or 1";
                }
            }
            if (problem != null) {
                skipped.add(problem);
                continue;
            }
            texts.add(text);
            labels.add(label);
        }
        Set<Attribute> wanted = Set.copyOf(attributeColumns.values());
        Map<Attribute, int[]> counts = new EnumMap<>(Attribute.class);
        wanted.forEach(a -> counts.put(a, new int[4]));
        String version = modelVersion;
        for (int from = 0; from < texts.size(); from += ModerationLimits.MAX_BATCH_ITEMS) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + ModerationLimits.MAX_BATCH_ITEMS));
            ModerationResult result = engine.moderate(new ModerationRequest(batch, wanted, List.of(), false, Map.of(),
                    null, modelVersion));
            version = result.modelVersion();
            for (int i = 0; i < batch.size(); i++) {
                TextScore score = result.results().get(i);
                for (var label : labels.get(from + i).entrySet()) {
                    boolean predicted = Boolean.TRUE.equals(score.flagged().get(label.getKey()));
                    int cell = label.getValue() ? (predicted ? 0 : 2) : (predicted ? 1 : 3);
                    counts.get(label.getKey())[cell]++;
                }
            }
        }
        Map<Attribute, AttributeResult> results = new EnumMap<>(Attribute.class);
        counts.forEach((a, c) -> results.put(a, new AttributeResult(c[0], c[1], c[2], c[3])));
        return new LabelledSetEvaluation(version, texts.size(), results, skipped);
    }

    /** RFC 4180 CSV: comma separated, double quotes around fields that hold commas, quotes or line breaks. */
    static List<List<String>> parse(Reader reader) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            boolean any = false;
            while ((c = in.read()) != -1) {
                any = true;
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString().replaceAll("\r$", ""));
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    if (rows.size() > MAX_ROWS + 1) {
                        throw new IllegalArgumentException("the CSV has more than " + MAX_ROWS + " rows");
                    }
                } else {
                    field.append(ch);
                }
            }
            if (any && (!field.isEmpty() || !row.isEmpty())) {
                row.add(field.toString());
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
        return rows;
    }
}
