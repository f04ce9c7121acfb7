package dev.safespeak.golive.internal;

import java.util.List;

/**
 * A parsed Markdown checklist: title, {@code ##} phases with {@code ###} sections and their items,
 * the Deployment Timeline and the footer lines, in document order.
 */
public record Checklist(String title, List<Phase> phases, List<TimelineEntry> timeline, List<String> footer) {

    /** Number of checklist items over all phases. */
    public int itemCount() {
        return phases.stream().mapToInt(p -> p.sections().stream().mapToInt(s -> s.items().size()).sum()).sum();
    }

    public int sectionCount() {
        return phases.stream().mapToInt(p -> p.sections().size()).sum();
    }

    /** A {@code ##} phase. */
    public record Phase(String name, int line, List<Section> sections) {
    }

    /**
     * A {@code ###} section.
     *
     * @param decoration what stood before the name in the heading, such as "✅ ", kept for export
     */
    public record Section(String name, String decoration, int line, List<Item> items) {
    }

    /**
     * A {@code - [ ]} or {@code - [x]} item.
     *
     * @param text the item's text without its key and without an export annotation
     * @param key its stable key: the one written as {@code {#key}}, else one derived from the text (decision 011)
     * @param keyWritten whether the Markdown wrote the key; false when it was derived
     */
    public record Item(String text, String key, boolean keyWritten, boolean checked, int line) {
    }

    /** A {@code ###} entry of the Deployment Timeline, such as "Week -2: Pre-Deployment", with its bullets. */
    public record TimelineEntry(String heading, List<String> bullets) {
    }
}
