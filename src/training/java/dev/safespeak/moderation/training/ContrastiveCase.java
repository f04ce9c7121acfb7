package dev.safespeak.moderation.training;

import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One authored contrastive sentence: language, behaviour (for example {@code neutral_identity}),
 * the identity group it mentions (or {@code -}), the text and its expected labels.
 *
 * <p>File format: UTF-8 TSV with header {@code lang behaviour group text TOXICITY IDENTITY_ATTACK INSULT
 * PROFANITY THREAT}; a label is {@code 1}, {@code 0} or {@code -} (not stated).
 */
public record ContrastiveCase(String language, String behaviour, String group, String text,
                              Map<Attribute, Boolean> labels) {

    private static final List<Attribute> COLUMNS = List.of(Attribute.TOXICITY, Attribute.IDENTITY_ATTACK,
            Attribute.INSULT, Attribute.PROFANITY, Attribute.THREAT);

    /**
     * Reads a contrastive TSV file.
     *
     * @throws IllegalArgumentException if a line has the wrong number of columns or an unknown label
     */
    public static List<ContrastiveCase> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("contrastive file " + file + " cannot be read", e);
        }
        List<ContrastiveCase> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 9) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + f.length + " columns, expected 9");
            }
            Map<Attribute, Boolean> labels = new EnumMap<>(Attribute.class);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String v = f[4 + c].trim();
                switch (v) {
                    case "1" -> labels.put(COLUMNS.get(c), true);
                    case "0" -> labels.put(COLUMNS.get(c), false);
                    case "-" -> { }
                    default -> throw new IllegalArgumentException(file + " line " + (i + 1) + " has label " + v);
                }
            }
            cases.add(new ContrastiveCase(f[0], f[1], f[2], f[3], labels));
        }
        return cases;
    }

    /** This case as a training example of the authored contrastive set. */
    public LabelledText toExample(LabelledText.Split split, double weight) {
        return DataSets.deriveSevere(new LabelledText("contrastive", language, split, text, labels, weight));
    }
}
