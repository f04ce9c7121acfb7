package dev.safespeak.moderation;

import java.util.List;
import java.util.Map;

/**
 * How a model did on a labelled set, per attribute: the confusion matrix at the model's flag thresholds,
 * accuracy and macro-F1 (the mean of the F1 of the positive and the negative class).
 */
public record LabelledSetEvaluation(String modelVersion, int texts, Map<Attribute, AttributeResult> attributes,
        List<String> skipped) {

    /** The counts and metrics of one attribute. */
    public record AttributeResult(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public int total() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        public double accuracy() {
            return total() == 0 ? 0 : (double) (truePositives + trueNegatives) / total();
        }

        public double macroF1() {
            return (f1(truePositives, falsePositives, falseNegatives) + f1(trueNegatives, falseNegatives,
                    falsePositives)) / 2;
        }

        private static double f1(int tp, int fp, int fn) {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }
}
