package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.moderation.training.LinguaDetector;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private static LanguageIdentifier languages;

    @BeforeAll
    static void build() {
        languages = LanguageIdentifier.of(LanguageIdentifier.DEFAULT_LANGUAGES);
    }

    @Test
    void the_tables_load_in_the_background_and_a_detection_waits_for_them() {
        LanguageIdentifier fresh = LanguageIdentifier.of(List.of("de", "en", "ko"));
        // A script decision needs no tables; an n-gram decision waits for them, awaited or not.
        assertThat(fresh.detect("너 정말 바보 같아").code()).isEqualTo("ko");
        assertThat(fresh.detect("Du bist der dümmste Mensch, den ich je getroffen habe").code()).isEqualTo("de");
        assertThat(fresh.awaitLoaded()).isSameAs(fresh);
        assertThat(LanguageIdentifier.of(List.of("en", "ko")).awaitLoaded().detect("너 정말 바보 같아").code())
                .as("no tables to wait for with one language per script").isEqualTo("ko");
    }

    @Test
    void script_decides_korean_greek_hindi_arabic_and_russian() {
        assertThat(languages.detect("너 정말 바보 같아").code()).isEqualTo("ko");
        assertThat(languages.detect("Είσαι πολύ ηλίθιος").code()).isEqualTo("el");
        assertThat(languages.detect("तुम बहुत बेवकूफ हो").code()).isEqualTo("hi");
        assertThat(languages.detect("أنت غبي جدا").code()).isEqualTo("ar");
        assertThat(languages.detect("ты очень глупый человек").code()).isEqualTo("ru");
        assertThat(languages.detect("너 정말 바보 같아").confidence()).isEqualTo(1.0);
    }

    @Test
    void han_without_kana_is_chinese_and_with_kana_is_unknown_when_japanese_is_not_supported() {
        assertThat(languages.detect("你真是个笨蛋").code()).isEqualTo("zh");
        assertThat(languages.detect("あなたは本当に馬鹿です")).isEqualTo(DetectedLanguage.UNKNOWN);
    }

    @Test
    void lingua_tells_latin_script_languages_apart() {
        assertThat(languages.detect("You are the most stupid person I have ever met").code()).isEqualTo("en");
        assertThat(languages.detect("Eres la persona más estúpida que he conocido").code()).isEqualTo("es");
        assertThat(languages.detect("Du bist der dümmste Mensch, den ich je getroffen habe").code()).isEqualTo("de");
        assertThat(languages.detect("Tu es la personne la plus stupide que j'ai jamais rencontrée").code())
                .isEqualTo("fr");
        assertThat(languages.detect("Sen tanıdığım en aptal insansın").code()).isEqualTo("tr");
        assertThat(languages.detect("Bạn là người ngu ngốc nhất mà tôi từng gặp").code()).isEqualTo("vi");
    }

    @Test
    void a_text_without_letters_is_unknown() {
        assertThat(languages.detect("1234 !!! 🙂")).isEqualTo(DetectedLanguage.UNKNOWN);
    }

    @Test
    void a_script_of_no_supported_language_is_unknown() {
        assertThat(languages.detect("คุณโง่มาก")).isEqualTo(DetectedLanguage.UNKNOWN);
    }

    @Test
    void text_mixing_two_non_latin_scripts_evenly_is_unknown() {
        assertThat(languages.detect("你好你好 안녕하세요")).isEqualTo(DetectedLanguage.UNKNOWN);
    }

    @Test
    void one_hint_is_taken_as_given() {
        assertThat(languages.detect("You are stupid", languages.checkHints(List.of("de"))))
                .isEqualTo(new DetectedLanguage("de", 1.0));
    }

    @Test
    void several_hints_restrict_the_choice() {
        DetectedLanguage detected = languages.detect("Eres la persona más estúpida que he conocido",
                languages.checkHints(List.of("pt", "es")));
        assertThat(detected.code()).isEqualTo("es");
    }

    @Test
    void region_subtags_of_hints_are_dropped() {
        assertThat(languages.checkHints(List.of("pt-BR", "EN"))).containsExactly("pt", "en");
    }

    @Test
    void an_unsupported_hint_is_refused_with_the_supported_list() {
        assertThatThrownBy(() -> languages.checkHints(List.of("en", "xx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("language 'xx' is not supported; supported: "
                        + "ar, da, de, el, en, es, fr, hi, ko, pl, pt, ru, tr, vi, zh");
    }

    @Test
    void cyrillic_needs_lingua_when_two_cyrillic_languages_are_supported() {
        LanguageIdentifier ruUk = LanguageIdentifier.of(List.of("ru", "uk", "en"));
        assertThat(ruUk.detect("Я не знаю, що робити з цим").code()).isEqualTo("uk");
        assertThat(ruUk.detect("Я не знаю, что с этим делать").code()).isEqualTo("ru");
    }

    @Test
    void with_one_latin_script_language_supported_the_script_decides_a_latin_text() {
        // As `score --languages en,zh` or safespeak.moderation.languages [en, zh] build it: no n-gram tables at all.
        LanguageIdentifier enZh = LanguageIdentifier.of(List.of("en", "zh"));
        assertThat(enZh.detect("Thanks for the help with the project yesterday"))
                .isEqualTo(new DetectedLanguage("en", 1.0));
        assertThat(enZh.detect("lol")).isEqualTo(new DetectedLanguage("en", 1.0));
        assertThat(enZh.detect("谢谢你的帮助").code()).isEqualTo("zh");
        assertThat(enZh.detect("OK 好").code()).as("Han holds 1 of 3 letters (at least 30%)").isEqualTo("zh");
        assertThat(LanguageIdentifier.of(List.of("en")).detect("Merci beaucoup")).isEqualTo(new DetectedLanguage("en",
                1.0));
        // Beside two Cyrillic languages (which do load tables) English is still decided by its script.
        LanguageIdentifier ruUk = LanguageIdentifier.of(List.of("ru", "uk", "en"));
        assertThat(ruUk.detect("Thanks for the help")).isEqualTo(new DetectedLanguage("en", 1.0));
        // A supported script holding 30% of the letters still decides, and its share leaves the Latin letters out.
        assertThat(LanguageIdentifier.of(List.of("en", "ru")).detect("hello привет")).isEqualTo(
                new DetectedLanguage("ru", 1.0));
        // Latin decided by script: its share of the letters is the confidence, and under 70% the text is unknown.
        assertThat(enZh.detect("hello my friend и")).isEqualTo(new DetectedLanguage("en", 13.0 / 14));
        assertThat(enZh.detect("hello ខ្ញុំស្រឡាញ់អ្នក")).as("5 Latin letters of 14")
                .isEqualTo(DetectedLanguage.UNKNOWN);
        // Letters of a script no language here writes are not Latin: Khmer is unknown, not English.
        assertThat(enZh.detect("ខ្ញុំស្រឡាញ់អ្នក")).isEqualTo(DetectedLanguage.UNKNOWN);
        // Mathematical bold letters (Common script, a common way round word lists) count as Latin.
        String mathBold = "\uD835\uDC32\uD835\uDC28\uD835\uDC2E \uD835\uDC2C\uD835\uDC2E\uD835\uDC1C\uD835\uDC24";
        assertThat(enZh.detect(mathBold).code()).isEqualTo("en");
    }

    @Test
    void with_no_latin_script_language_supported_a_latin_text_is_unknown() {
        LanguageIdentifier zhKo = LanguageIdentifier.of(List.of("zh", "ko"));
        assertThat(zhKo.detect("Thanks for the help")).isEqualTo(DetectedLanguage.UNKNOWN);
        assertThat(languages.detect("Thanks for the help", List.of("ar", "ru")).code())
                .as("several hints, none Latin: the first hint, as before").isEqualTo("ar");
    }

    @Test
    void an_unknown_language_code_cannot_be_supported() {
        assertThatThrownBy(() -> LanguageIdentifier.of(List.of("en", "qq")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("language 'qq' is not known to the language detector");
    }

    @Test
    void the_ngram_scorer_agrees_with_linguas_own_detector_on_clear_sentences() {
        LanguageIdentifier lingua = LinguaDetector.lowAccuracy(LanguageIdentifier.DEFAULT_LANGUAGES);
        List<String> sentences = List.of(
                "Jeg synes, at det er en rigtig god idé at tage toget i morgen",
                "Nie wiem, dlaczego on zawsze spóźnia się na spotkania",
                "Eu não acho que isso seja uma boa ideia para amanhã",
                "I really think we should take the train tomorrow morning",
                "Je pense que nous devrions prendre le train demain matin",
                "Ich glaube, wir sollten morgen früh den Zug nehmen",
                "Creo que deberíamos tomar el tren mañana por la mañana",
                "Bence yarın sabah trene binmeliyiz",
                "Tôi nghĩ chúng ta nên đi tàu vào sáng mai");
        List<String> expected = List.of("da", "pl", "pt", "en", "fr", "de", "es", "tr", "vi");
        for (int i = 0; i < sentences.size(); i++) {
            DetectedLanguage fast = languages.detect(sentences.get(i));
            assertThat(fast.code()).as(sentences.get(i)).isEqualTo(expected.get(i))
                    .isEqualTo(lingua.detect(sentences.get(i)).code());
            assertThat(fast.confidence()).as(sentences.get(i)).isBetween(LanguageIdentifier.MIN_RELATIVE_DISTANCE, 1.0);
        }
    }

    @Test
    void short_english_texts_are_english_by_all_ngram_lengths() {
        // Trigrams alone (Lingua's low-accuracy mode) call the first two Polish.
        for (String text : List.of("You are an idiot", "Shut up, you idiot.", "Thanks for your help", "you suck")) {
            DetectedLanguage detected = languages.detect(text);
            assertThat(detected.code()).as(text).isEqualTo("en");
            assertThat(detected.confidence()).as(text).isBetween(LanguageIdentifier.MIN_RELATIVE_DISTANCE, 1.0);
        }
    }

    @Test
    void the_short_text_mode_ends_at_120_letters_and_spaces_of_distinct_words() {
        NgramLanguageScorer scorer = NgramLanguageScorer.load(List.of("en", "pl"));
        String shortText = "you are an idiot";
        NgramLanguageScorer.Scores scores = scorer.score(shortText);
        // Trigrams: you are idi dio iot (5); quadrigrams: idio diot (2); fivegrams: idiot (1);
        // distinct letters: y o u a r e n i d t (10); bigrams: yo ou ar re an id di io ot (9).
        assertThat(scores.ngrams()).isEqualTo(5 + 2 + 1 + 10 + 9);
        String words = "you are an idiot ".repeat(7); // 118 characters once stripped: still short
        assertThat(scorer.score(words.strip()).ngrams()).isEqualTo(5 + 2 + 1 + 10 + 9);
        // 122 characters, but the same four words: exactly the n-grams of the short text, all lengths.
        assertThat(scorer.score(words + "you").ngrams()).isEqualTo(5 + 2 + 1 + 10 + 9);
        // 120 characters of distinct words: trigrams only; 119: all lengths.
        String distinct = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
                + "oscar papa quebec romeo sierra";
        assertThat(scorer.score(distinct + " xy").ngrams()).isEqualTo(distinctTrigrams(distinct));
        assertThat(scorer.score(distinct + " x").ngrams()).isGreaterThan(distinctTrigrams(distinct));
    }

    @Test
    void the_length_of_distinct_words_counts_each_word_once_as_the_scorer_reads_it() {
        String text = "Hello, hello! HELLO world. Don't dont";
        assertThat(NgramLanguageScorer.distinctWordsLength(text, text.length())).isEqualTo("hello world dont".length());
        assertThat(NgramLanguageScorer.distinctWordsLength(text, 5)).isEqualTo(5);
        assertThat(NgramLanguageScorer.distinctWordsLength("!!! 42", 6)).isZero();
        String many = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar "
                + "papa quebec romeo sierra tango uniform victor whiskey";
        assertThat(NgramLanguageScorer.distinctWordsLength(many, many.length()))
                .as("counts up to 120 only").isBetween(NgramLanguageScorer.SHORT_TEXT_LENGTH, many.length() - 1);
    }

    @Test
    void a_sentence_repeated_into_a_long_text_keeps_its_language() {
        // Repeated past 120 characters, trigrams alone read these as vi, pl, de, fr, pt, und and pl.
        Map<String, String> sentences = Map.of(
                "hello world. ", "en",
                "You are an idiot. ", "en",
                "thank you. ", "en",
                "Ich hasse dich. ", "de",
                "Das ist Müll. ", "de",
                "Danke schön. ", "de",
                "Quel idiot. ", "fr");
        SoftAssertions.assertSoftly(softly -> {
            for (Map.Entry<String, String> e : sentences.entrySet()) {
                String once = e.getKey();
                // "hello world. " 1,500 times is the reported text: 19,500 characters, read up to 2,000 letters.
                String repeated = once.repeat(1_500);
                softly.assertThat(languages.detect(once).code()).as(once).isEqualTo(e.getValue());
                softly.assertThat(languages.detect(repeated)).as(once + " x 1,500").isEqualTo(languages.detect(once));
                softly.assertThat(languages.detect(once.repeat(12)).code()).as(once + " x 12")
                        .isEqualTo(e.getValue());
            }
        });
    }

    @Test
    void a_repeated_text_has_exactly_the_scores_of_its_words_once() {
        NgramLanguageScorer scorer = NgramLanguageScorer.load(
                LanguageIdentifier.ngramLanguages(LanguageIdentifier.DEFAULT_LANGUAGES));
        NgramLanguageScorer.Scores once = scorer.score("hello world");
        NgramLanguageScorer.Scores repeated = scorer.score("hello world. ".repeat(1_500));
        assertThat(repeated.ngrams()).isEqualTo(once.ngrams());
        assertThat(repeated.logProbabilities()).containsExactly(once.logProbabilities());
    }

    @Test
    void a_long_text_of_many_distinct_words_is_still_scored_on_trigrams_only() {
        NgramLanguageScorer scorer = NgramLanguageScorer.load(List.of("de", "en"));
        String sentence = "I really think we should take the train tomorrow morning because the roads will be "
                + "crowded and the weather forecast promises heavy rain all day long ";
        assertThat(scorer.score(sentence.repeat(50)).ngrams()).isEqualTo(distinctTrigrams(sentence.toLowerCase()));
    }

    @Test
    void punctuation_and_digits_inside_words_do_not_break_the_ngrams() {
        assertThat(languages.detect("Y.o.u a.r.e t.h.e w.o.r.s.t p.e.r.s.o.n i h.a.v.e e.v.e.r m.e.t").code())
                .isEqualTo("en");
        assertThat(languages.detect("Das ist wirklich der 100% schlechteste Tag meines Lebens!!!").code())
                .isEqualTo("de");
    }

    @Test
    void texts_without_trigrams_fall_back_to_bigrams_and_letters() {
        for (String text : List.of("ok ok", "a", "ja ja")) {
            DetectedLanguage detected = languages.detect(text);
            assertThat(detected.code().equals("und") || languages.supported().contains(detected.code()))
                    .as(text).isTrue();
            assertThat(detected.confidence()).as(text).isBetween(0.0, 1.0);
        }
        assertThat(languages.detect("że że").code()).isEqualTo("pl");
    }

    @Test
    void hints_restrict_the_ngram_decision_to_them() {
        DetectedLanguage detected = languages.detect("I really think we should take the train tomorrow",
                languages.checkHints(List.of("de", "fr")));
        assertThat(detected.code()).isIn("de", "fr");
    }

    /** The distinct three-letter substrings of the words of a text of lower-case letters and spaces. */
    private static int distinctTrigrams(String text) {
        Set<String> trigrams = new HashSet<>();
        for (String word : text.split(" ")) {
            for (int i = 0; i + 3 <= word.length(); i++) {
                trigrams.add(word.substring(i, i + 3));
            }
        }
        return trigrams.size();
    }
}
