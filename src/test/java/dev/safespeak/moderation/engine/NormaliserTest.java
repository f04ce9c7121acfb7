package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();

    private List<String> forms(String text) {
        return normaliser.analyse(text).tokens().stream().map(Token::normalised).toList();
    }

    private Token only(String text, String form) {
        return normaliser.analyse(text).tokens().stream().filter(t -> t.normalised().equals(form)).findFirst()
                .orElseThrow(() -> new AssertionError(form + " not in " + forms(text)));
    }

    @Test
    void case_is_folded_and_language_is_undetermined() {
        AnalysedText analysed = normaliser.analyse("Hello WORLD");
        assertThat(forms("Hello WORLD")).containsExactly("hello", "world");
        assertThat(analysed.language()).isEqualTo("und");
        assertThat(analysed.original()).isEqualTo("Hello WORLD");
    }

    @Test
    void fullwidth_and_styled_letters_are_folded_by_nfkc() {
        assertThat(forms("ｉｄｉｏｔ")).containsExactly("idiot");
        assertThat(forms("\uD835\uDC22\uD835\uDC1D\uD835\uDC22\uD835\uDC28\uD835\uDC2D")).containsExactly("idiot");
    }

    @Test
    void cyrillic_homoglyphs_inside_latin_words_become_latin() {
        String text = "you \u0456d\u0456\u043Et";
        Token token = only(text, "idiot");
        assertThat(text.substring(token.begin(), token.end())).isEqualTo("\u0456d\u0456\u043Et");
    }

    @Test
    void cyrillic_words_stay_cyrillic() {
        assertThat(forms("привет мир")).containsExactly("привет", "мир");
    }

    @Test
    void leetspeak_digits_and_symbols_become_letters_inside_words() {
        assertThat(forms("you are an 1d10t")).contains("idiot");
        assertThat(forms("sh1t")).containsExactly("shit");
        assertThat(forms("b@stard")).containsExactly("bastard");
        assertThat(forms("$hit happens")).containsExactly("shit", "happens");
        Token t = only("what a 1d10t!", "idiot");
        assertThat(t.begin()).isEqualTo(7);
        assertThat(t.end()).isEqualTo(12);
    }

    @Test
    void numbers_and_mentions_are_left_alone() {
        assertThat(forms("I paid 1500 dollars")).contains("1500");
        assertThat(forms("@user hi")).contains("user");
    }

    @Test
    void stretched_letters_collapse_and_keep_the_whole_original_range() {
        String text = "fuuuuuck off";
        Token t = only(text, "fuck");
        assertThat(text.substring(t.begin(), t.end())).isEqualTo("fuuuuuck");
    }

    @Test
    void double_letters_are_kept() {
        assertThat(forms("good coffee")).containsExactly("good", "coffee");
    }

    @Test
    void spaced_letters_are_joined_with_the_whole_range() {
        String text = "you f u c k i n g loser";
        Token t = only(text, "fucking");
        assertThat(text.substring(t.begin(), t.end())).isEqualTo("f u c k i n g");
        assertThat(forms(text)).containsExactly("you", "fucking", "loser");
    }

    @Test
    void dotted_letters_are_joined() {
        String text = "f.u.c.k you";
        Token t = only(text, "fuck");
        assertThat(text.substring(t.begin(), t.end())).isEqualTo("f.u.c.k");
    }

    @Test
    void zero_width_characters_are_removed_and_offsets_point_to_the_original() {
        String text = "you i\u200Bd\u200Ci\u200Do\uFEFFt";
        Token t = only(text, "idiot");
        assertThat(t.begin()).isEqualTo(4);
        assertThat(t.end()).isEqualTo(text.length());
    }

    @Test
    void chinese_is_tokenised_by_icu() {
        List<String> tokens = forms("我喜欢你们");
        assertThat(tokens).isNotEmpty();
        assertThat(String.join("", tokens)).isEqualTo("我喜欢你们");
    }

    @Test
    void thai_and_korean_are_tokenised() {
        assertThat(forms("สวัสดีครับ")).isNotEmpty();
        assertThat(forms("안녕하세요 여러분")).containsExactly("안녕하세요", "여러분");
    }

    @Test
    void every_token_points_into_the_original() {
        String text = "Ｔｈｅｓｅ  ppl are 5tup1d!!! 😡 ok";
        for (Token t : normaliser.analyse(text).tokens()) {
            assertThat(t.begin()).isBetween(0, text.length());
            assertThat(t.end()).isBetween(t.begin() + 1, text.length());
        }
        assertThat(forms(text)).contains("these", "stupid", "😡");
    }

    @Test
    void empty_text_has_no_tokens() {
        assertThat(normaliser.analyse("").tokens()).isEmpty();
    }

    @Test
    void null_text_is_rejected() {
        assertThatThrownBy(() -> normaliser.analyse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text is null");
    }

    @Test
    void terms_are_normalised_like_texts() {
        assertThat(normaliser.normaliseTerm("B@STARD")).isEqualTo("bastard");
    }
}
