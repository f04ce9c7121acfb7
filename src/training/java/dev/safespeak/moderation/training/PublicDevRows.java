package dev.safespeak.moderation.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the public data's dev rows (the split training tunes on; never test) as JSON lines with an id, the data set,
 * the language, the text and the stated labels, so scripts outside Java (training/short_texts.py) can score them
 * with the product's own {@code score} command. The file is for a working folder such as target/: the data's rows
 * must never be committed.
 *
 * <p>Usage: {@code PublicDevRows --data ../shared/data --out target/short-texts/public-dev.jsonl}.
 */
public final class PublicDevRows {

    private PublicDevRows() {
    }

    public static void main(String[] args) throws IOException {
        CommandOptions options = CommandOptions.parse(args);
        Path data = Path.of(options.get("data", "../shared/data"));
        Path out = Path.of(options.get("out", "target/short-texts/public-dev.jsonl"));
        System.out.println("wrote " + write(DataSets.load(data), out) + " public dev rows to " + out);
    }

    /** Writes the dev rows of {@code loaded} to {@code out} (its folder is created) and returns how many. */
    static int write(DataSets.Loaded loaded, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        ObjectMapper json = new ObjectMapper();
        int rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (LabelledText e : loaded.examples()) {
                if (e.split() != LabelledText.Split.DEV) {
                    continue;
                }
                Map<String, Boolean> labels = new LinkedHashMap<>();
                for (Attribute a : Attribute.values()) {
                    Boolean label = e.labels().get(a);
                    if (label != null) {
                        labels.put(a.name(), label);
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", rows++);
                row.put("dataset", e.dataset());
                row.put("language", e.language());
                row.put("text", e.text());
                row.put("labels", labels);
                w.write(json.writeValueAsString(row));
                w.newLine();
            }
        }
        return rows;
    }
}
