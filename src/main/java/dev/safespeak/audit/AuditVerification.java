package dev.safespeak.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of checking the whole chain and, when there is one, a checkpoint file against it.
 *
 * @param entriesChecked entries read from the first to the chain's tip (up to the first broken one)
 * @param firstBroken the first entry whose content, link or place does not fit, if any
 * @param unsignedEntries entries written before keyed links, checked with the plain hash (decision 022)
 * @param entriesByKey how many entries each key id signed, in key id order
 * @param missingKeys key ids of signed entries whose key is not configured: their links could not be checked
 * @param currentKeyId the key that signs new entries
 * @param checkpoints the checkpoint file's result, empty when none was checked
 */
public record AuditVerification(long entriesChecked, Optional<BrokenEntry> firstBroken, long unsignedEntries,
                                Map<String, Long> entriesByKey, Set<String> missingKeys, String currentKeyId,
                                Optional<CheckpointCheck> checkpoints) {

    /** The outcome in one word. */
    public enum Status {
        /** Every entry and checkpoint checked and matching. */
        INTACT,
        /** An entry was changed, removed or inserted, or the chain no longer matches a checkpoint. */
        BROKEN,
        /** Nothing found broken, but something could not be checked: a key is missing or a checkpoint unreadable. */
        NOT_VERIFIED
    }

    public AuditVerification {
        entriesByKey = Map.copyOf(entriesByKey);
        missingKeys = Set.copyOf(missingKeys);
    }

    public Status status() {
        if (firstBroken.isPresent()) {
            return Status.BROKEN;
        }
        if (!missingKeys.isEmpty() || checkpoints.map(c -> !c.problems().isEmpty()).orElse(false)) {
            return Status.NOT_VERIFIED;
        }
        return Status.INTACT;
    }

    public boolean intact() {
        return status() == Status.INTACT;
    }

    /** A human-readable one-line summary, as shown in the audit view and the release report. */
    public String summary() {
        return switch (status()) {
            case BROKEN -> "BROKEN at entry " + firstBroken.orElseThrow().seq() + ": "
                    + firstBroken.orElseThrow().problem() + " (" + entriesChecked + " entries checked)";
            case NOT_VERIFIED -> "NOT VERIFIED: " + notVerifiedReason() + " (" + entriesChecked + " entries checked)";
            case INTACT -> "Intact: " + entriesChecked + " entries verified" + keysPart()
                    + checkpoints.map(c -> "; " + c.summary()).orElse("");
        };
    }

    /** Which keys signed how many entries, e.g. "120 signed with key k1a2b3c4d5e6f, 5 unsigned (before HMAC)". */
    public String keysSummary() {
        String signed = entriesByKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " signed with key " + e.getKey()
                        + (missingKeys.contains(e.getKey()) ? " (key not configured)" : "")
                        + (e.getKey().equals(currentKeyId) ? " (current)" : ""))
                .collect(Collectors.joining(", "));
        String unsigned = unsignedEntries == 0 ? "" : unsignedEntries + " unsigned (before HMAC)";
        return signed.isEmpty() ? unsigned : unsigned.isEmpty() ? signed : signed + ", " + unsigned;
    }

    private String keysPart() {
        String keys = keysSummary();
        return keys.isEmpty() ? "" : " (" + keys + ")";
    }

    private String notVerifiedReason() {
        if (!missingKeys.isEmpty()) {
            long count = entriesByKey.entrySet().stream().filter(e -> missingKeys.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            return count + (count == 1 ? " entry is" : " entries are") + " signed with "
                    + (missingKeys.size() == 1 ? "key " : "keys ") + String.join(", ", missingKeys.stream().sorted()
                    .toList()) + ", which this instance does not have: configure "
                    + (missingKeys.size() == 1 ? "it" : "them") + " as a previous key";
        }
        return checkpoints.orElseThrow().summary();
    }

    /** The first entry whose stored content or link does not match the chain, and what is wrong with it. */
    public record BrokenEntry(long seq, String problem) {
    }

    /**
     * How a checkpoint file compares with the chain.
     *
     * @param source the file checked
     * @param checkpoints checkpoint lines found
     * @param matching those whose HMAC is valid and whose entry still has the checkpointed hash
     * @param problems one sentence per line that does not match, cannot be read or cannot be checked
     */
    public record CheckpointCheck(String source, int checkpoints, int matching, List<String> problems) {

        public CheckpointCheck {
            problems = List.copyOf(problems);
        }

        public String summary() {
            if (problems.isEmpty()) {
                return matching + " of " + checkpoints + " checkpoints match (" + source + ")";
            }
            return matching + " of " + checkpoints + " checkpoints match (" + source + "): " + problems.get(0)
                    + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more problems" : "");
        }
    }
}
