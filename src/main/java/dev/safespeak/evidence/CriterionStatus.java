package dev.safespeak.evidence;

/**
 * The current state of one success criterion.
 *
 * @param value       the measured value in the criterion's unit; null when there is no data yet or it cannot
 *                    be measured here
 * @param threshold   the threshold in the same unit
 * @param passing     whether the value meets the threshold (or manual evidence says it does)
 * @param meaning     what the number means, in plain words, shown next to it
 * @param basis       what it was computed from (window, sample size, evaluation run)
 * @param waiver      the CTO's waiver for the release in question, or null
 */
public record CriterionStatus(SuccessCriterion criterion, Double value, double threshold, boolean passing,
                              String meaning, String basis, Waiver waiver) {

    /** Passing, or failing but waived. */
    public boolean satisfied() {
        return passing || waiver != null;
    }

    public CriterionStatus withWaiver(Waiver w) {
        return new CriterionStatus(criterion, value, threshold, passing, meaning, basis, w);
    }
}
