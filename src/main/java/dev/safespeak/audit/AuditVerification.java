package dev.safespeak.audit;

import java.util.Optional;

/**
 * The result of checking the whole hash chain: how many entries were checked and the first broken one, if any.
 */
public record AuditVerification(long entriesChecked, Optional<BrokenEntry> firstBroken) {

    public boolean intact() {
        return firstBroken.isEmpty();
    }

    /** A human-readable one-line summary, as shown in the audit view and the release report. */
    public String summary() {
        return firstBroken.map(b -> "BROKEN at entry " + b.seq() + ": " + b.problem()
                        + " (" + entriesChecked + " entries checked)")
                .orElse("Intact: " + entriesChecked + " entries verified");
    }

    /** The first entry whose stored content or link does not match the chain, and what is wrong with it. */
    public record BrokenEntry(long seq, String problem) {
    }
}
