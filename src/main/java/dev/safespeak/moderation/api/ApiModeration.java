package dev.safespeak.moderation.api;

import dev.safespeak.apikey.ApiKeyPrincipal;
import dev.safespeak.apikey.RateDecision;
import dev.safespeak.apikey.RateLimiter;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.Mode;
import dev.safespeak.moderation.ModerationLimits;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TextStorageService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The path every scoring endpoint shares: validate the texts and options with messages that name the field,
 * charge the key's daily quota once nothing can refuse the request any more, score with the engine, store the
 * texts only when the caller opted in.
 */
@Component
class ApiModeration {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    static final String KNOWN_ATTRIBUTES = Arrays.stream(Attribute.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final ModerationService engine;
    private final TextStorageService storage;
    private final RateLimiter limiter;
    private final DatabaseStatus database;

    ApiModeration(ModerationService engine, TextStorageService storage, RateLimiter limiter,
            DatabaseStatus database) {
        this.engine = engine;
        this.storage = storage;
        this.limiter = limiter;
        this.database = database;
    }

    /** What the engine answered, and until when the texts are stored (null when not stored). */
    record Scored(ModerationResult result, Instant storedUntil, long latencyMicros) {
    }

    /** Scores for a drop-in endpoint (Perspective, OpenAI), in the configured drop-in mode. */
    Scored moderate(String requestId, List<String> texts, String field, Set<Attribute> attributes,
            List<String> languages, boolean spans, Map<Attribute, Double> thresholds, boolean store,
            String modelVersion) {
        return moderate(requestId, texts, field, attributes, languages, spans, thresholds, store, modelVersion,
                engine.dropInMode());
    }

    /** Scores in the given mode; null for the configured default mode. */
    Scored moderate(String requestId, List<String> texts, String field, Set<Attribute> attributes,
            List<String> languages, boolean spans, Map<Attribute, Double> thresholds, boolean store,
            String modelVersion, Mode mode) {
        checkTexts(texts, field);
        List<String> hints = checkLanguages(languages);
        ApiKeyPrincipal key = ApiKeyFilter.current();
        if (store && !storage.enabled()) {
            throw ApiProblem.invalid(TextStorageService.NO_KEY_MESSAGE);
        }
        if (store && !database.available()) {
            // Checked before the quota is charged: a stored text must not be lost, so nothing is scored either.
            throw database.unavailable("the texts were neither scored nor stored (doNotStore=false needs the "
                    + "database; send doNotStore=true to score without storing)");
        }
        // Everything that can refuse the request (language hints, model version, the accurate engine) is checked
        // by the engine before it runs the charge, so a refused request costs no texts.
        ModerationRequest request = new ModerationRequest(List.copyOf(texts), attributes, hints, spans, thresholds,
                key.tenant(), blankToNull(modelVersion), mode);
        long[] start = new long[1];
        ModerationResult result = engine.moderate(request, () -> {
            charge(key, texts.size());
            start[0] = System.nanoTime();
        });
        long micros = (System.nanoTime() - start[0]) / 1000;
        Instant storedUntil = store ? storage.store(requestId, key.tenant(), texts, result) : null;
        return new Scored(result, storedUntil, micros);
    }

    /** Charges the key's daily quota for the texts, or refuses the request. */
    private void charge(ApiKeyPrincipal key, int texts) {
        if (texts > key.dailyTexts()) {
            // A 429 would tell the client to retry, and this batch can never fit.
            throw ApiProblem.invalid("batch has " + texts + " texts, more than this API key's daily quota of "
                    + key.dailyTexts() + " texts, so it can never be accepted: send at most " + key.dailyTexts()
                    + " texts per request, or use a key with a larger quota");
        }
        RateDecision quota = limiter.consumeTexts(key, texts);
        if (!quota.allowed()) {
            throw ApiProblem.quotaExceeded(quota);
        }
    }

    /** The ISO 639-1 codes the engine detects and accepts as hints. */
    Set<String> supportedLanguages() {
        return engine.supportedLanguages();
    }

    /** Whether the engine detects no language it supports in the text (it would answer {@code und}). */
    boolean languageUnknown(String text) {
        return engine.detectLanguage(text).isUnknown();
    }

    static void checkTexts(List<String> texts, String field) {
        if (texts == null || texts.isEmpty()) {
            throw ApiProblem.invalid(field + " is missing: send 1 to " + ModerationLimits.MAX_BATCH_ITEMS + " texts");
        }
        if (texts.size() > ModerationLimits.MAX_BATCH_ITEMS) {
            throw ApiProblem.invalid("batch has " + texts.size() + " items, at most "
                    + ModerationLimits.MAX_BATCH_ITEMS + " are allowed");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String name = texts.size() == 1 ? field : field + "[" + i + "]";
            if (text == null || text.isBlank()) {
                throw ApiProblem.invalid(name + " is empty");
            }
            String problem = ApiText.problem(text);
            if (problem != null) {
                throw ApiProblem.invalid("field '" + name + "' " + problem);
            }
            int bytes = utf8Length(text);
            if (bytes > ModerationLimits.MAX_TEXT_BYTES) {
                throw ApiProblem.invalid(name + " has " + bytes + " bytes of UTF-8, at most "
                        + ModerationLimits.MAX_TEXT_BYTES + " are allowed");
            }
        }
    }

    static List<String> checkLanguages(List<String> languages) {
        if (languages == null) {
            return List.of();
        }
        return languages.stream().map(code -> {
            String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            int dash = c.indexOf('-');
            String base = dash > 0 ? c.substring(0, dash) : c;
            if (base.length() != 2 || !ISO_LANGUAGES.contains(base)) {
                throw ApiProblem.invalid("unknown language '" + code + "': use ISO 639-1 codes such as en, de or fr");
            }
            return base;
        }).distinct().toList();
    }

    /** The mode a client named; null when it named none. */
    static Mode mode(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Mode.parse(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(e.getMessage());
        }
    }

    static Set<Attribute> attributes(java.util.Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        EnumSet<Attribute> set = EnumSet.noneOf(Attribute.class);
        for (String name : names) {
            set.add(attribute(name));
        }
        return set;
    }

    static Attribute attribute(String name) {
        return Attribute.parse(name).orElseThrow(() -> ApiProblem.invalid("unknown attribute '" + name
                + "'; known attributes: " + KNOWN_ATTRIBUTES));
    }

    static Map<Attribute, Double> thresholds(Map<String, Double> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        Map<Attribute, Double> map = new EnumMap<>(Attribute.class);
        given.forEach((name, value) -> {
            Attribute attribute = attribute(name);
            if (value == null || value.isNaN() || value < 0 || value > 1) {
                throw ApiProblem.invalid("threshold of " + attribute + " must be between 0 and 1");
            }
            map.put(attribute, value);
        });
        return map;
    }

    private static int utf8Length(String text) {
        if (text.length() * 3 <= ModerationLimits.MAX_TEXT_BYTES) {
            return text.length();
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
