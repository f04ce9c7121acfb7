package dev.safespeak.evidence;

import java.time.Instant;

/**
 * An evaluation of one model version on a labelled evaluation set.
 *
 * @param accuracy share of labelled (text, attribute) pairs whose flag, at the model's thresholds, agrees
 *                 with the label, in [0, 1]
 * @param details  accuracy per attribute and the counts behind it, as text
 */
public record EvaluationRun(long id, String modelVersion, String dataset, int texts, double accuracy,
                            String details, Instant ranAt, String triggeredBy) {

    /** The plain-words meaning shown next to the number. */
    public static final String MEANING = "Share of labelled (text, attribute) pairs of the evaluation set where the"
            + " model's flag at its own thresholds agrees with the human label (micro-averaged over attributes).";
}
