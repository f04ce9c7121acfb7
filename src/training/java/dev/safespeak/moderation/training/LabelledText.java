package dev.safespeak.moderation.training;

import dev.safespeak.moderation.Attribute;
import java.util.Map;

/**
 * One labelled text of a training set. Only the attributes the source set labels are present in
 * {@code labels}; a missing attribute means "unknown", never "negative".
 *
 * @param dataset  source set name
 * @param language ISO 639-1 code
 * @param split    train, dev or test
 * @param text     the raw text
 * @param labels   attribute to positive/negative, only for attributes the set labels
 * @param weight   example weight in training (davidson is weighed down for its dialect bias)
 */
public record LabelledText(String dataset, String language, Split split, String text,
                           Map<Attribute, Boolean> labels, double weight) {

    /** Where an example may be used: train for fitting, dev for tuning and calibration, test for the report only. */
    public enum Split { TRAIN, DEV, TEST }
}
