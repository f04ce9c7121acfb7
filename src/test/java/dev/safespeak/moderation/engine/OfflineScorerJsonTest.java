package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The command's JSONL line is written by hand; it must be exactly what Jackson writes for the same result tree. */
class OfflineScorerJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String jackson(OfflineScorer.Input input, TextScore score, String version, boolean spans)
            throws Exception {
        return JSON.writeValueAsString(OfflineScorer.jsonResult(input, score, version, spans));
    }

    @Test
    void every_char_is_escaped_as_jackson_escapes_it() throws Exception {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "a" + (char) c + "b";
            StringBuilder b = new StringBuilder();
            OfflineScorer.jsonString(b, text);
            assertThat(b.toString()).as("char %04X", c).isEqualTo(JSON.writeValueAsString(text));
        }
    }

    @Test
    void rounded_numbers_are_written_as_jackson_writes_the_rounded_double() throws Exception {
        Random random = new Random(12);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.5, 0.00005, 0.00004999, 0.99995, 1e-4, 1e-3,
                9.99e-4, -0.3, 1.5, 12345.67891, Double.NaN, Double.MIN_VALUE, -1e-9));
        for (int k = 0; k <= 10_000; k++) {
            values.add(k / 10_000d);
        }
        for (int i = 0; i < 100_000; i++) {
            values.add(random.nextDouble());
        }
        for (double value : values) {
            StringBuilder b = new StringBuilder();
            OfflineScorer.appendRounded(b, value);
            assertThat(b.toString()).as("%s", value).isEqualTo(JSON.writeValueAsString(OfflineScorer.round(value)));
        }
    }

    @Test
    void lines_with_ids_of_every_json_type_and_spans_match_jackson() throws Exception {
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        Map<Attribute, Boolean> flagged = new EnumMap<>(Attribute.class);
        Map<Attribute, List<Span>> spans = new EnumMap<>(Attribute.class);
        double v = 0.00003;
        for (Attribute a : Attribute.values()) {
            scores.put(a, v);
            flagged.put(a, v > 0.4);
            spans.put(a, a.ordinal() % 2 == 0 ? List.of()
                    : List.of(new Span(0, 3, v), new Span(5, 12, 1.0 - v)));
            v = v * 7 + 0.123456;
            v -= Math.floor(v);
        }
        List<TextScore> results = List.of(
                new TextScore(new DetectedLanguage("en", 0.14285714), scores, flagged, spans, List.of()),
                new TextScore(DetectedLanguage.UNKNOWN, Map.of(), Map.of(), Map.of(), List.of(), "encoder:x\"y"),
                new TextScore(new DetectedLanguage("zh", 1.0), Map.of(Attribute.THREAT, 0.0009),
                        Map.of(Attribute.THREAT, false), Map.of(Attribute.THREAT, List.of()), List.of()));
        List<OfflineScorer.Input> inputs = new ArrayList<>();
        for (String json : List.of("\"a\"", "\"q\\\"b\\\\s\\u0001\\u001f\\n\u00e9\ud83d\ude00\"", "7", "-12345678901234",
                "1.50", "1e3", "12345678901234567890123", "null", "true", "{\"a\":[1,\"b\"]}", "[]", "\"\"")) {
            JsonNode id = JSON.readTree(json);
            inputs.add(new OfflineScorer.Input(1, id.asText(), id, "text", null));
        }
        inputs.add(new OfflineScorer.Input(9, "9", null, "csv input has no JSON id", null));
        inputs.add(OfflineScorer.readJsonLine("{\"text\": \"no id\"}", 42));
        for (OfflineScorer.Input input : inputs) {
            for (TextScore score : results) {
                for (boolean withSpans : new boolean[] {false, true}) {
                    for (String version : List.of("2026.12.04-36c4e31", "v\t\"1\"")) {
                        assertThat(OfflineScorer.jsonLine(input, score, version, withSpans))
                                .isEqualTo(jackson(input, score, version, withSpans));
                    }
                }
            }
        }
    }
}
