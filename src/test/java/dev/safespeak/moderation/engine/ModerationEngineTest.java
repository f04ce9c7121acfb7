package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.ListEntry;
import dev.safespeak.moderation.ListMatch;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModerationEngineTest {

    private static LanguageIdentifier languages;
    private final List<String> scoredLanguages = Collections.synchronizedList(new ArrayList<>());
    private final ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(), languages,
            (language, flagged, nanos) -> scoredLanguages.add(language.code()));
    private final Classifier classifier = KeywordClassifier.standard("test-1");

    @BeforeAll
    static void languages() {
        languages = LanguageIdentifier.of(List.of("en", "de", "ko"));
    }

    private static ModerationRequest request(List<String> texts) {
        return new ModerationRequest(texts, Set.of(), List.of(), true, Map.of(), null, null);
    }

    private TextScore scoreOne(String text) {
        return engine.moderate(ModerationRequest.of(text), classifier, TenantLists.EMPTY).results().get(0);
    }

    /** A model that answers its prior, 0.6 on every attribute, whatever the text: as a linear model does for "?". */
    private static final Classifier PRIOR_ONLY = new Classifier() {
        @Override
        public String version() {
            return "prior-1";
        }

        @Override
        public Set<Attribute> attributes() {
            return EnumSet.allOf(Attribute.class);
        }

        @Override
        public Map<Attribute, Double> score(AnalysedText text) {
            Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
            for (Attribute a : Attribute.values()) {
                scores.put(a, 0.6);
            }
            return scores;
        }

        @Override
        public Map<Attribute, List<TokenContribution>> explain(AnalysedText text) {
            return Map.of();
        }

        @Override
        public Map<Attribute, Double> defaultThresholds() {
            return score(null);
        }
    };

    @Test
    void no_model_is_asked_to_score_a_text_without_content() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        Classifier counting = new Classifier() {
            @Override
            public String version() {
                return PRIOR_ONLY.version();
            }

            @Override
            public Set<Attribute> attributes() {
                return PRIOR_ONLY.attributes();
            }

            @Override
            public Map<Attribute, Double> score(AnalysedText text) {
                asked.incrementAndGet();
                return PRIOR_ONLY.score(text);
            }

            @Override
            public Map<Attribute, List<TokenContribution>> explain(AnalysedText text) {
                return Map.of();
            }

            @Override
            public Map<Attribute, Double> defaultThresholds() {
                return PRIOR_ONLY.defaultThresholds();
            }
        };
        TextScore s = engine.moderate(ModerationRequest.of("?!"), counting, TenantLists.EMPTY).results().get(0);
        assertThat(asked).as("classifier calls for '?!'").hasValue(0);
        assertThat(s.engine()).isEqualTo(TextScore.NGRAM);
        engine.moderate(ModerationRequest.of("hi"), counting, TenantLists.EMPTY);
        assertThat(asked).as("a text with a word is scored").hasPositiveValue();
    }

    @Test
    void a_text_of_punctuation_and_digits_alone_scores_zero_and_flags_nothing() {
        for (String text : List.of("?", ".", "!!!", "12345 !!!", ":)", "...?!", "\u00a0-\u2014-")) {
            TextScore s = engine.moderate(ModerationRequest.of(text), PRIOR_ONLY, TenantLists.EMPTY).results().get(0);
            assertThat(s.scores()).as(text).allSatisfy((a, v) -> assertThat(v).isZero());
            assertThat(s.flagged()).as(text).allSatisfy((a, f) -> assertThat(f).isFalse());
        }
        // Combining marks alone, and math, currency and modifier symbols, are not content either.
        for (String text : List.of("\u0301\u0308", "$$$", "+++ ^^")) {
            TextScore s = engine.moderate(ModerationRequest.of(text), PRIOR_ONLY, TenantLists.EMPTY).results().get(0);
            assertThat(s.scores()).as(text).allSatisfy((a, v) -> assertThat(v).isZero());
        }
        // A letter, an emoji (So, a keycap, a character shown as an emoji by U+FE0F) or an ideograph is scored.
        for (String text : List.of("hi", "\ud83d\udd95", "\u4f60\u597d", "a1", "1\ufe0f\u20e3", "\u203c\ufe0f",
                "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67")) {
            TextScore s = engine.moderate(ModerationRequest.of(text), PRIOR_ONLY, TenantLists.EMPTY).results().get(0);
            assertThat(s.scores()).as("a letter, an emoji or an ideograph is scored: " + text)
                    .allSatisfy((a, v) -> assertThat(v).isEqualTo(0.6));
        }
    }

    @Test
    void a_text_without_content_is_not_flagged_under_a_requested_threshold_of_zero() {
        ModerationRequest request = new ModerationRequest(List.of("?!"), Set.of(), List.of(), false,
                Map.of(Attribute.INSULT, 0.0), null, null);
        TextScore s = engine.moderate(request, PRIOR_ONLY, TenantLists.EMPTY).results().get(0);
        assertThat(s.scores().get(Attribute.INSULT)).isZero();
        assertThat(s.flagged().get(Attribute.INSULT)).isFalse();
    }

    @Test
    void a_block_list_still_flags_a_text_of_digits_alone() {
        TenantLists lists = engine.compile(List.of(new ListEntry("acme", ListMatch.ListKind.BLOCK, "1488",
                Attribute.IDENTITY_ATTACK)));
        TextScore s = engine.moderate(ModerationRequest.of("1488"), PRIOR_ONLY, lists).results().get(0);
        assertThat(s.scores().get(Attribute.IDENTITY_ATTACK)).isEqualTo(1.0);
        assertThat(s.flagged().get(Attribute.IDENTITY_ATTACK)).isTrue();
        assertThat(s.flagged().get(Attribute.INSULT)).isFalse();
    }

    @Test
    void a_text_whose_every_word_is_allowed_is_not_scored_on_the_model_s_prior() {
        TenantLists lists = engine.compile(List.of(new ListEntry("acme", ListMatch.ListKind.ALLOW, "frobnicate",
                null)));
        TextScore s = engine.moderate(ModerationRequest.of("Frobnicate!"), PRIOR_ONLY, lists).results().get(0);
        assertThat(s.scores()).allSatisfy((a, v) -> assertThat(v).as(a.name()).isZero());
        assertThat(s.flagged()).allSatisfy((a, f) -> assertThat(f).as(a.name()).isFalse());
    }

    @Test
    void an_empty_text_is_refused_with_its_position() {
        assertThatThrownBy(() -> engine.validate(request(List.of("fine", " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("text 2 is empty");
    }

    @Test
    void a_null_text_is_refused_as_empty() {
        List<String> texts = new ArrayList<>();
        texts.add(null);
        assertThatThrownBy(() -> engine.validate(request(texts))).hasMessage("text 1 is empty");
    }

    @Test
    void a_request_without_texts_is_refused() {
        assertThatThrownBy(() -> engine.validate(request(List.of()))).hasMessage("request has no texts");
    }

    @Test
    void a_text_over_20_kb_is_refused_with_its_size_in_bytes() {
        String tooLong = "a".repeat(25_000);
        assertThatThrownBy(() -> engine.validate(request(List.of("x", "y", tooLong))))
                .hasMessage("text 3 has 25000 bytes, at most 20480 are allowed");
    }

    @Test
    void size_is_counted_in_utf8_bytes_not_characters() {
        String korean = "바".repeat(7_000); // 7,000 chars, 21,000 bytes
        assertThatThrownBy(() -> engine.validate(request(List.of(korean))))
                .hasMessage("text 1 has 21000 bytes, at most 20480 are allowed");
        engine.validate(request(List.of("a".repeat(20_480))));
    }

    @Test
    void a_batch_over_100_items_is_refused() {
        assertThatThrownBy(() -> engine.validate(request(Collections.nCopies(130, "hi"))))
                .hasMessage("batch has 130 items, at most 100 are allowed");
    }

    @Test
    void an_unsupported_language_hint_is_refused() {
        ModerationRequest r = new ModerationRequest(List.of("hi"), Set.of(), List.of("xx"), false, Map.of(), null, null);
        assertThatThrownBy(() -> engine.validate(r))
                .hasMessage("language 'xx' is not supported; supported: de, en, ko");
    }

    @Test
    void a_threshold_outside_zero_to_one_is_refused() {
        ModerationRequest r = new ModerationRequest(List.of("hi"), Set.of(), List.of(), false,
                Map.of(Attribute.INSULT, 1.5), null, null);
        assertThatThrownBy(() -> engine.validate(r))
                .hasMessage("threshold for INSULT is 1.5, it must be between 0 and 1");
    }

    @Test
    void results_name_the_model_version_and_keep_the_order_of_texts() {
        ModerationResult result = engine.moderate(request(List.of("you idiot", "hello friend")), classifier,
                TenantLists.EMPTY);
        assertThat(result.modelVersion()).isEqualTo("test-1");
        assertThat(result.results().get(0).flagged().get(Attribute.TOXICITY)).isTrue();
        assertThat(result.results().get(1).flagged().get(Attribute.TOXICITY)).isFalse();
        assertThat(result.results().get(0).scores()).containsOnlyKeys(Attribute.values());
    }

    @Test
    void request_thresholds_override_the_model_defaults() {
        ModerationRequest strict = new ModerationRequest(List.of("you are stupid"), Set.of(Attribute.INSULT),
                List.of(), false, Map.of(Attribute.INSULT, 0.9), null, null);
        TextScore score = engine.moderate(strict, classifier, TenantLists.EMPTY).results().get(0);
        assertThat(score.scores().get(Attribute.INSULT)).isBetween(0.7, 0.8);
        assertThat(score.flagged()).containsExactlyEntriesOf(Map.of(Attribute.INSULT, false));
    }

    @Test
    void spans_point_at_the_words_of_the_original_text() {
        String text = "Well, you IDIOT and you stupid fool";
        TextScore score = scoreOne(text);
        List<Span> spans = score.spans().get(Attribute.TOXICITY);
        assertThat(spans).hasSize(2);
        assertThat(text.substring(spans.get(0).begin(), spans.get(0).end())).isEqualTo("IDIOT");
        assertThat(text.substring(spans.get(1).begin(), spans.get(1).end())).isEqualTo("stupid");
        assertThat(spans.get(0).score()).isEqualTo(score.scores().get(Attribute.TOXICITY));
        assertThat(spans.get(1).score()).isLessThan(spans.get(0).score());
    }

    @Test
    void adjacent_span_tokens_merge_into_one_span() {
        String text = "stupid idiot!";
        List<Span> spans = scoreOne(text).spans().get(Attribute.INSULT);
        assertThat(spans).hasSize(1);
        assertThat(text.substring(spans.get(0).begin(), spans.get(0).end())).isEqualTo("stupid idiot");
    }

    @Test
    void spans_are_left_out_when_not_asked_for() {
        ModerationRequest r = new ModerationRequest(List.of("idiot"), Set.of(), List.of(), false, Map.of(), null, null);
        assertThat(engine.moderate(r, classifier, TenantLists.EMPTY).results().get(0).spans()).isEmpty();
    }

    @Test
    void the_language_is_detected_once_per_text_and_reported() {
        TextScore score = scoreOne("너 정말 바보 같아");
        assertThat(score.language()).isEqualTo(new DetectedLanguage("ko", 1.0));
        assertThat(scoredLanguages).containsExactly("ko");
    }

    @Test
    void a_blocklist_term_forces_its_attribute_and_is_reported() {
        TenantLists lists = engine.compile(List.of(
                new ListEntry("acme", ListMatch.ListKind.BLOCK, "Frobnicate", Attribute.THREAT)));
        String text = "I will frobnicate you";
        TextScore score = engine.moderate(ModerationRequest.of(text), classifier, lists).results().get(0);
        assertThat(score.scores().get(Attribute.THREAT)).isEqualTo(1.0);
        assertThat(score.flagged().get(Attribute.THREAT)).isTrue();
        assertThat(score.flagged().get(Attribute.INSULT)).isFalse();
        assertThat(score.listMatches()).containsExactly(
                new ListMatch(ListMatch.ListKind.BLOCK, "Frobnicate", Attribute.THREAT, 7, 17));
        assertThat(score.spans().get(Attribute.THREAT)).containsExactly(new Span(7, 17, 1.0));
    }

    @Test
    void a_blocklist_phrase_matches_only_as_a_whole() {
        TenantLists lists = engine.compile(List.of(
                new ListEntry("acme", ListMatch.ListKind.BLOCK, "bad apple", Attribute.INSULT)));
        assertThat(engine.moderate(ModerationRequest.of("a bad day"), classifier, lists).results().get(0)
                .listMatches()).isEmpty();
        assertThat(engine.moderate(ModerationRequest.of("you BAD apple"), classifier, lists).results().get(0)
                .scores().get(Attribute.INSULT)).isEqualTo(1.0);
    }

    @Test
    void an_allowlisted_term_does_not_raise_a_score() {
        TenantLists lists = engine.compile(List.of(
                new ListEntry("acme", ListMatch.ListKind.ALLOW, "idiot", null)));
        TextScore score = engine.moderate(ModerationRequest.of("The Idiot by Dostoevsky"), classifier, lists)
                .results().get(0);
        TextScore without = scoreOne("The by Dostoevsky");
        assertThat(score.scores().get(Attribute.TOXICITY)).isEqualTo(without.scores().get(Attribute.TOXICITY));
        assertThat(score.flagged().get(Attribute.TOXICITY)).isFalse();
        assertThat(score.spans().get(Attribute.TOXICITY)).isEmpty();
        assertThat(score.listMatches()).extracting(ListMatch::kind).containsExactly(ListMatch.ListKind.ALLOW);
    }

    @Test
    void an_allowlisted_term_for_one_attribute_leaves_the_others_alone() {
        TenantLists lists = engine.compile(List.of(
                new ListEntry("acme", ListMatch.ListKind.ALLOW, "idiot", Attribute.INSULT)));
        TextScore score = engine.moderate(ModerationRequest.of("idiot"), classifier, lists).results().get(0);
        assertThat(score.flagged().get(Attribute.INSULT)).isFalse();
        assertThat(score.flagged().get(Attribute.TOXICITY)).isTrue();
    }

    @Test
    void an_allowlisted_term_never_lowers_below_nothing_but_never_raises() {
        // "friend" pulls the score down; allowlisting it must not let the rest score higher than before.
        TenantLists lists = engine.compile(List.of(
                new ListEntry("acme", ListMatch.ListKind.ALLOW, "friend", null)));
        TextScore score = engine.moderate(ModerationRequest.of("stupid friend"), classifier, lists)
                .results().get(0);
        assertThat(score.scores().get(Attribute.TOXICITY))
                .isEqualTo(scoreOne("stupid friend").scores().get(Attribute.TOXICITY));
    }

    @Test
    void asking_for_an_attribute_the_model_does_not_score_is_refused() {
        Classifier toxicityOnly = new KeywordClassifier("t", Map.of()) {
            @Override
            public Set<Attribute> attributes() {
                return Set.of(Attribute.TOXICITY);
            }
        };
        ModerationRequest r = new ModerationRequest(List.of("hi"), Set.of(Attribute.THREAT), List.of(), false,
                Map.of(), null, null);
        assertThatThrownBy(() -> engine.moderate(r, toxicityOnly, TenantLists.EMPTY))
                .hasMessage("model t does not score THREAT");
    }
}
