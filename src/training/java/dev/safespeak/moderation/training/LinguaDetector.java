package dev.safespeak.moderation.training;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lingua 1.2.2's own detector as the within-script decision of a {@link LanguageIdentifier}, for the language
 * detection report's comparison (and the test that our scorer agrees with it). Lingua is on the training and test
 * class path only; the production jar does not carry it.
 */
public final class LinguaDetector implements LanguageIdentifier.NgramDetector {

    private final LanguageDetector detector;

    private LinguaDetector(List<String> codes, boolean highAccuracy) {
        Language[] languages = codes.stream().map(LinguaDetector::language).toArray(Language[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages);
        this.detector = (highAccuracy ? builder : builder.withLowAccuracyMode()).withPreloadedLanguageModels().build();
    }

    /** An identifier deciding within a script by Lingua's low-accuracy mode (trigrams only). */
    public static LanguageIdentifier lowAccuracy(Collection<String> codes) {
        return LanguageIdentifier.withNgramDetector(codes, languages -> new LinguaDetector(languages, false));
    }

    /**
     * An identifier deciding within a script by Lingua's high-accuracy mode (all n-gram lengths on texts below 120
     * characters; a few GB of heap and milliseconds per text).
     */
    public static LanguageIdentifier highAccuracy(Collection<String> codes) {
        return LanguageIdentifier.withNgramDetector(codes, languages -> new LinguaDetector(languages, true));
    }

    @Override
    public Map<String, Double> confidenceValues(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        detector.computeLanguageConfidenceValues(text).forEach((language, value) ->
                values.put(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT), value));
        return values;
    }

    private static Language language(String code) {
        return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
    }
}
