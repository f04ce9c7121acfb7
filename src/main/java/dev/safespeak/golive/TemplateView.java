package dev.safespeak.golive;

import java.time.Instant;

/** A stored checklist template releases are created from. */
public record TemplateView(long id, String name, boolean builtIn, int phaseCount, int sectionCount, int itemCount,
                           String importedBy, Instant importedAt) {
}
