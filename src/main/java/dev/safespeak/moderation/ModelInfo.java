package dev.safespeak.moderation;

import java.util.Map;
import java.util.Set;

/**
 * What a model artifact says about itself once loaded: its version, the attributes it scores, its
 * default flag thresholds and its manifest (provenance and evaluation summary, JSON).
 */
public record ModelInfo(String version, Set<Attribute> attributes, Map<Attribute, Double> defaultThresholds,
                        String manifestJson) {
}
