package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What the encoder reads: the raw text, or the normaliser's de-obfuscated text with spaced letters joined. */
class EncoderInputTest {

    private final Normaliser normaliser = new Normaliser();

    /** "he is a c h e a t" pins a known limit: a one-letter word before spaced letters joins the run. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "y0u are a l0ser, always have been|you are a loser, always have been",
        "that ref is the c h e a t here|that ref is the cheat here",
        "he is a c h e a t|he is acheat",
        "this film is d.i.s.g.u.s.t.i.n.g|this film is disgusting",
        "Sooooo STUPIDDDD!!!|so stupid!!!",
        "f*cking m o r o n s|f*cking morons",
        "e.g. a b or i.e. the U.S. team|e.g. a b or i.e. the u.s. team",
        "Are Muslims allowed to fast at work?|are muslims allowed to fast at work?",
        "plain words stay as they are|plain words stay as they are"})
    void deobfuscated_is_the_normalised_text_with_runs_of_single_letters_joined(String text, String read) {
        assertThat(EncoderInput.DEOBFUSCATED.of(normaliser.analyse(text))).isEqualTo(read);
    }

    @Test
    void original_is_the_text_as_written() {
        assertThat(EncoderInput.ORIGINAL.of(normaliser.analyse("y0u are a l0ser"))).isEqualTo("y0u are a l0ser");
    }

    @Test
    void absent_is_original_and_an_unknown_name_is_refused_with_the_choices() {
        assertThat(EncoderInput.parse(null)).isEqualTo(EncoderInput.ORIGINAL);
        assertThat(EncoderInput.parse(" ")).isEqualTo(EncoderInput.ORIGINAL);
        assertThat(EncoderInput.parse("deobfuscated")).isEqualTo(EncoderInput.DEOBFUSCATED);
        assertThatThrownBy(() -> EncoderInput.parse("normalised"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input is normalised, expected original or deobfuscated");
    }
}
