package dev.safespeak.evidence;

import dev.safespeak.moderation.Attribute;
import java.util.Map;
import java.util.Objects;

/** One text of an evaluation set with its human labels per attribute (true = the attribute applies). */
public record LabelledText(String text, Map<Attribute, Boolean> labels) {

    public LabelledText {
        Objects.requireNonNull(text, "text is null");
        labels = Map.copyOf(labels);
    }
}
