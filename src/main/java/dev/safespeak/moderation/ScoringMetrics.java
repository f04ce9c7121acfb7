package dev.safespeak.moderation;

import dev.safespeak.moderation.engine.ModerationEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every scored text in Micrometer: {@code safespeak.texts.scored} (tag language),
 * {@code safespeak.texts.flagged} (tag attribute) and the {@code safespeak.scoring.duration} timer.
 * Meters are looked up once and cached because this runs for every text.
 */
final class ScoringMetrics implements ModerationEngine.Listener {

    private final MeterRegistry registry;
    private final Map<String, Counter> scoredByLanguage = new ConcurrentHashMap<>();
    private final Map<Attribute, Counter> flaggedByAttribute = new EnumMap<>(Attribute.class);
    private final Timer duration;

    ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Attribute a : Attribute.values()) {
            flaggedByAttribute.put(a, Counter.builder("safespeak.texts.flagged")
                    .description("Texts flagged, per attribute").tag("attribute", a.name()).register(registry));
        }
        this.duration = Timer.builder("safespeak.scoring.duration")
                .description("Time to score one text in the engine (normalise, detect, classify, explain)")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void scored(DetectedLanguage language, Set<Attribute> flagged, long nanos) {
        scoredByLanguage.computeIfAbsent(language.code(), code -> Counter.builder("safespeak.texts.scored")
                .description("Texts scored, per detected language").tag("language", code).register(registry))
                .increment();
        for (Attribute a : flagged) {
            flaggedByAttribute.get(a).increment();
        }
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }
}
