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
 * the identity group it mentions (or {@code -}), the text, its expected labels and the id of the template it
 * was written from (for example {@code en.hate.03}; {@code fresh} for the free-phrasing set, {@code -} when the
 * file has no template column).
 *
 * <p>File format: UTF-8 TSV with header {@code lang behaviour group text TOXICITY IDENTITY_ATTACK INSULT
 * PROFANITY THREAT template}; a label is {@code 1}, {@code 0} or {@code -} (not stated). The last column,
 * {@code template}, may be absent (the older 9-column format). SEVERE_TOXICITY has no column of its own: it is
 * derived from the others ({@link DataSets#deriveSevere}) unless a row has an eleventh column, {@code SEVERE_TOXICITY}
 * after the template, which states it ({@code 1} or {@code 0}) or leaves it unstated and not derived ({@code -}).
 * Rows of one file may mix 9, 10 and 11 columns. Blank lines and lines starting with {@code #} are skipped.
 *
 * @param severeDerived whether SEVERE_TOXICITY is derived from the other labels (false when the row states it or
 *                      leaves it unstated in its eleventh column)
 */
public record ContrastiveCase(String language, String behaviour, String group, String text,
                              Map<Attribute, Boolean> labels, String template, boolean severeDerived) {

    /** Template id of a case read from a file without a template column. */
    public static final String NO_TEMPLATE = "-";

    /** A case whose SEVERE_TOXICITY label is derived from its other labels. */
    public ContrastiveCase(String language, String behaviour, String group, String text,
                           Map<Attribute, Boolean> labels, String template) {
        this(language, behaviour, group, text, labels, template, true);
    }

    /** A case without a template id. */
    public ContrastiveCase(String language, String behaviour, String group, String text,
                           Map<Attribute, Boolean> labels) {
        this(language, behaviour, group, text, labels, NO_TEMPLATE);
    }

    private static final List<Attribute> COLUMNS = List.of(Attribute.TOXICITY, Attribute.IDENTITY_ATTACK,
            Attribute.INSULT, Attribute.PROFANITY, Attribute.THREAT);

    /**
     * Reads a contrastive TSV file.
     *
     * @throws IllegalArgumentException if a line has fewer than 9 or more than 11 columns, an unknown label or an
     *                                  empty template id
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
            if (f.length < 9 || f.length > 11) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + f.length
                        + " columns, expected 9, 10 or 11");
            }
            String template = f.length >= 10 ? f[9].trim() : NO_TEMPLATE;
            if (template.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has an empty template id");
            }
            Map<Attribute, Boolean> labels = new EnumMap<>(Attribute.class);
            for (int c = 0; c < COLUMNS.size(); c++) {
                putLabel(labels, COLUMNS.get(c), f[4 + c], file, i);
            }
            if (f.length == 11) {
                putLabel(labels, Attribute.SEVERE_TOXICITY, f[10], file, i);
            }
            cases.add(new ContrastiveCase(f[0], f[1], f[2], f[3], labels, template, f.length < 11));
        }
        return cases;
    }

    private static void putLabel(Map<Attribute, Boolean> labels, Attribute attribute, String value, Path file,
                                 int line) {
        switch (value.trim()) {
            case "1" -> labels.put(attribute, true);
            case "0" -> labels.put(attribute, false);
            case "-" -> { }
            default -> throw new IllegalArgumentException(file + " line " + (line + 1) + " has label " + value.trim());
        }
    }

    /** This case as a training example of the authored contrastive set. */
    public LabelledText toExample(LabelledText.Split split, double weight) {
        LabelledText example = new LabelledText("contrastive", language, split, text, labels, weight);
        return severeDerived ? DataSets.deriveSevere(example) : example;
    }
}
