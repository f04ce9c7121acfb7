package dev.safespeak.golive.internal;

import dev.safespeak.golive.ItemStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a release back to Markdown in its template's layout: title, phases, sections (with their
 * heading decoration), items ticked when done, each with its stable key ({@code {#load-test}}), other states as a
 * trailing {@code — _Blocked: why_} annotation (which {@link ChecklistParser} strips again on import), then the
 * timeline and the footer with the release's go-live date filled in. Importing the export as a template keeps
 * every key.
 */
public final class MarkdownExporter {

    private MarkdownExporter() {
    }

    public static String export(Checklist layout, ReleaseEntity release, List<ItemEntity> items, Instant exportedAt) {
        Map<String, String> decorations = new LinkedHashMap<>();
        for (Checklist.Phase phase : layout.phases()) {
            for (Checklist.Section section : phase.sections()) {
                decorations.put(phase.name() + "\u0000" + section.name(), section.decoration());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# ").append(layout.title() != null ? layout.title() : release.getName()).append("\n");
        String phase = null;
        String section = null;
        for (ItemEntity item : items) {
            if (!item.getPhase().equals(phase)) {
                phase = item.getPhase();
                section = null;
                out.append("\n## ").append(phase).append("\n");
            }
            if (!item.getSection().equals(section)) {
                section = item.getSection();
                out.append("\n### ").append(decorations.getOrDefault(phase + "\u0000" + section, ""))
                        .append(section).append("\n\n");
            }
            out.append(item.getStatus() == ItemStatus.DONE ? "- [x] " : "- [ ] ").append(item.getText())
                    .append(" {#").append(item.getKey()).append("}");
            String annotation = annotation(item);
            if (!annotation.isEmpty()) {
                out.append(" — _").append(annotation).append("_");
            }
            out.append("\n");
        }
        if (!layout.timeline().isEmpty()) {
            out.append("\n---\n\n## ").append(ChecklistParser.TIMELINE_HEADING).append("\n");
            for (Checklist.TimelineEntry entry : layout.timeline()) {
                out.append("\n### ").append(entry.heading()).append("\n\n");
                entry.bullets().forEach(b -> out.append("- ").append(b).append("\n"));
            }
        }
        out.append("\n---\n\n");
        List<String> footer = new ArrayList<>();
        boolean dateWritten = false;
        for (String line : layout.footer()) {
            if (line.startsWith("_Deployment Date:")) {
                footer.add("_Deployment Date: " + release.getGoLiveDate() + "_");
                dateWritten = true;
            } else {
                footer.add(line);
            }
        }
        if (!dateWritten) {
            footer.add("_Deployment Date: " + release.getGoLiveDate() + "_");
        }
        footer.add("_Release: " + release.getName() + " " + release.getVersion() + "_");
        footer.add("_Exported: " + exportedAt + "_");
        footer.forEach(line -> out.append(line).append("\n"));
        return out.toString();
    }

    private static String annotation(ItemEntity item) {
        List<String> parts = new ArrayList<>();
        switch (item.getStatus()) {
            case IN_PROGRESS -> parts.add("In progress");
            case BLOCKED -> parts.add("Blocked: " + oneLine(item.getReason()));
            case NOT_APPLICABLE -> parts.add("Not applicable: " + oneLine(item.getReason()));
            default -> {
            }
        }
        if (item.isRegressed()) {
            parts.add("regressed");
        }
        if (item.getEvidenceLink() != null) {
            parts.add("evidence: " + item.getEvidenceLink());
        }
        return String.join("; ", parts);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").replace("_", "\\_");
    }
}
