package dev.safespeak.moderation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ListMatch;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The answer of {@code POST /api/v1/moderate}: one result per text, in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModerateResponse(
        String requestId,
        String modelVersion,
        boolean stored,
        Instant storedUntil,
        long latencyMicros,
        List<Result> results) {

    /**
     * The scores of one text.
     *
     * @param engine which engine scored the text: {@code ngram}, {@code encoder:<name>} or {@code byo:<name>}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            int index,
            Language language,
            Map<Attribute, Double> scores,
            Map<Attribute, Boolean> flagged,
            boolean flaggedAny,
            Map<Attribute, List<Span>> spans,
            List<ListMatch> listMatches,
            String modelVersion,
            String engine) {
    }

    /** A detected language with its confidence; code "und" when unknown or mixed. */
    record Language(String code, double confidence) {
    }

    static ModerateResponse of(String requestId, ApiModeration.Scored scored, boolean spans) {
        ModerationResult result = scored.result();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            TextScore s = result.results().get(i);
            Map<Attribute, Boolean> flagged = enumMap(s.flagged());
            results.add(new Result(i, new Language(s.language().code(), round(s.language().confidence())),
                    enumMap(s.scores()), flagged, flagged.containsValue(Boolean.TRUE),
                    spans ? enumMap(s.spans()) : null, s.listMatches() == null ? List.of() : s.listMatches(),
                    result.modelVersion(), s.engine()));
        }
        return new ModerateResponse(requestId, result.modelVersion(), scored.storedUntil() != null,
                scored.storedUntil(), scored.latencyMicros(), results);
    }

    private static <V> Map<Attribute, V> enumMap(Map<Attribute, V> map) {
        Map<Attribute, V> copy = new EnumMap<>(Attribute.class);
        if (map != null) {
            copy.putAll(map);
        }
        return copy;
    }

    static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
