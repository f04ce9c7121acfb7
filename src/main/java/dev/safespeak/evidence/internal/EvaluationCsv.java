package dev.safespeak.evidence.internal;

import dev.safespeak.evidence.LabelledText;
import dev.safespeak.moderation.Attribute;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a labelled evaluation set from CSV: a header with a {@code text} column and one column per attribute
 * name (for example {@code TOXICITY,INSULT}) holding 1/0 or true/false; other columns are ignored. Fields may be
 * double-quoted with {@code ""} for a quote. Errors name the line.
 */
public final class EvaluationCsv {

    private EvaluationCsv() {
    }

    public static List<LabelledText> read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        List<List<String>> records = records(reader);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the evaluation set is empty");
        }
        List<String> header = records.get(0);
        int textColumn = -1;
        Map<Integer, Attribute> attributeColumns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (name.equalsIgnoreCase("text")) {
                textColumn = i;
            } else {
                int column = i;
                Attribute.parse(name).ifPresent(a -> attributeColumns.put(column, a));
            }
        }
        if (textColumn < 0) {
            throw new IllegalArgumentException("line 1: the header has no 'text' column");
        }
        if (attributeColumns.isEmpty()) {
            throw new IllegalArgumentException("line 1: the header names no attribute column (for example TOXICITY)");
        }
        List<LabelledText> texts = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            int line = r + 1;
            if (row.size() <= textColumn || row.get(textColumn).isBlank()) {
                throw new IllegalArgumentException("line " + line + ": the text is empty");
            }
            Map<Attribute, Boolean> labels = new EnumMap<>(Attribute.class);
            for (Map.Entry<Integer, Attribute> c : attributeColumns.entrySet()) {
                if (c.getKey() >= row.size() || row.get(c.getKey()).isBlank()) {
                    continue;
                }
                labels.put(c.getValue(), label(row.get(c.getKey()).trim(), line, c.getValue()));
            }
            texts.add(new LabelledText(row.get(textColumn), labels));
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("the evaluation set has a header but no texts");
        }
        return texts;
    }

    private static boolean label(String value, int line, Attribute attribute) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException("line " + line + ": label '" + value + "' for " + attribute
                    + " is not 1/0 or true/false");
        };
    }

    /** Splits CSV into records, honouring quoted fields that contain commas and line breaks. */
    private static List<List<String>> records(BufferedReader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                current.add(stripCr(field.toString()));
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + (records.size() + 1) + ": a quoted field is not closed");
        }
        if (any && (field.length() > 0 || !current.isEmpty())) {
            current.add(stripCr(field.toString()));
            records.add(current);
        }
        return records;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
