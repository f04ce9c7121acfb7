package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What the encoder reads: the raw text, or the normaliser's de-obfuscated text with spaced letters joined. */
class EncoderInputTest {

    private final Normaliser normaliser = new Normaliser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "j3ws are p@rasites, always have been|jews are parasites, always have been",
        "oaps are s c u m and deserve nothing|oaps are scum and deserve nothing",
        "g@ys are d.i.s.g.u.s.t.i.n.g|gays are disgusting",
        "Sooooo STUPIDDDD!!!|so stupid!!!",
        "f*cking m u s l i m s|f*cking muslims",
        "e.g. a b or i.e. the U.S. team|e.g. a b or i.e. the u.s. team",
        "Are Muslims allowed to fast at work?|are muslims allowed to fast at work?",
        "plain words stay as they are|plain words stay as they are"})
    void deobfuscated_is_the_normalised_text_with_runs_of_single_letters_joined(String text, String read) {
        assertThat(EncoderInput.DEOBFUSCATED.of(normaliser, text)).isEqualTo(read);
    }

    @Test
    void original_is_the_text_as_written() {
        assertThat(EncoderInput.ORIGINAL.of(normaliser, "j3ws are p@rasites")).isEqualTo("j3ws are p@rasites");
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
