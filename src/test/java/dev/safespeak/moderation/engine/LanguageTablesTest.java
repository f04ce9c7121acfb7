package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The binary tables file the build writes: read back it gives the same tables and scores, and damage is refused. */
class LanguageTablesTest {

    private static final List<String> SAMPLE = List.of(
            "You are the most stupid person I have ever met",
            "you suck",
            "Du bist der dümmste Mensch, den ich je getroffen habe",
            "Nie wiem, dlaczego on zawsze spóźnia się na spotkania",
            "że że",
            "ok ok",
            "a",
            "Das ist wirklich der 100% schlechteste Tag meines Lebens!!!",
            "I really think we should take the train tomorrow morning. ".repeat(4),
            "Źdźbło trawy i gżegżółka w Szczebrzeszynie brzmią w trzcinie");

    private static NgramLanguageScorer fromLingua;
    private static byte[] file;

    @BeforeAll
    static void writeTables() throws IOException {
        fromLingua = NgramLanguageScorer.fromLinguaModels(List.of("de", "en", "pl"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LanguageTables.write(fromLingua, out);
        file = out.toByteArray();
    }

    @Test
    void tables_read_back_from_the_file_equal_the_ones_read_from_linguas_models() {
        NgramLanguageScorer read = LanguageTables.read(file, "test.bin");

        assertThat(read.languages()).containsExactly("de", "en", "pl");
        assertThat(read.rows()).isEqualTo(fromLingua.rows());
        assertSameRows(read.unigrams, fromLingua.unigrams);
        assertSameRows(read.bigrams, fromLingua.bigrams);
        assertSameRows(read.trigrams, fromLingua.trigrams);
        assertThat(entries(read.quadrigrams, read.quadrigrams.rowKeys()))
                .isEqualTo(entries(fromLingua.quadrigrams, fromLingua.quadrigrams.rowKeys()));
        assertThat(entries(read.fivegrams, read.fivegrams.rowKeys()))
                .isEqualTo(entries(fromLingua.fivegrams, fromLingua.fivegrams.rowKeys()));
        for (String text : SAMPLE) {
            assertSameScores(read.score(text), fromLingua.score(text), text);
        }
    }

    @Test
    void a_selection_of_the_languages_scores_as_tables_built_for_them_alone() {
        NgramLanguageScorer read = LanguageTables.read(file, "test.bin");
        NgramLanguageScorer polish = read.select(List.of("pl"));
        NgramLanguageScorer alone = NgramLanguageScorer.fromLinguaModels(List.of("pl"));
        NgramLanguageScorer reordered = read.select(List.of("pl", "de"));

        assertThat(reordered.languages()).containsExactly("pl", "de");
        for (String text : SAMPLE) {
            assertSameScores(polish.score(text), alone.score(text), text);
            double[] all = read.score(text).logProbabilities();
            assertThat(reordered.score(text).logProbabilities()).as(text).containsExactly(all[2], all[0]);
        }
        assertThatThrownBy(() -> reordered.select(List.of("de", "fr")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no n-gram tables for language 'fr'");
    }

    @Test
    void a_truncated_file_is_refused_with_the_reason() {
        byte[] truncated = Arrays.copyOf(file, file.length - 1000);

        assertThatThrownBy(() -> LanguageTables.read(truncated, "tables.bin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tables.bin is truncated or damaged: its header announces " + (file.length - LanguageTables.HEADER_BYTES)
                        + " bytes of tables, the file has " + (file.length - 1000 - LanguageTables.HEADER_BYTES));
        assertThatThrownBy(() -> LanguageTables.read(Arrays.copyOf(file, 12), "tables.bin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tables.bin is not a language tables file (12 bytes, no SSLT header)");
    }

    @Test
    void a_corrupted_file_is_refused_with_the_reason() {
        byte[] corrupted = file.clone();
        corrupted[corrupted.length / 2] ^= 0x10;

        assertThatThrownBy(() -> LanguageTables.read(corrupted, "tables.bin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tables.bin is corrupt: the checksum of its tables does not match");
    }

    @Test
    void another_format_version_or_file_is_refused() {
        byte[] newer = file.clone();
        ByteBuffer.wrap(newer).putInt(4, LanguageTables.VERSION + 1);
        assertThatThrownBy(() -> LanguageTables.read(newer, "tables.bin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tables.bin has format version " + (LanguageTables.VERSION + 1) + "; this build reads "
                        + LanguageTables.VERSION + " (rebuild the jar)");

        byte[] json = "{\"language\":\"ENGLISH\",\"ngrams\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LanguageTables.read(json, "tables.bin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("tables.bin is not a language tables file");
    }

    @Test
    void only_tables_read_from_linguas_models_can_be_written() {
        NgramLanguageScorer read = LanguageTables.read(file, "test.bin");

        assertThatThrownBy(() -> LanguageTables.write(read, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only tables read from Lingua's models can be written");
    }

    @Test
    void a_language_without_tables_or_models_cannot_be_loaded() {
        assertThatThrownBy(() -> NgramLanguageScorer.load(List.of("en", "xx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no n-gram tables for language 'xx': ")
                .hasMessageEndingWith("Lingua's models are not on the class path (the build writes the tables of "
                        + "LanguageIdentifier.DEFAULT_LANGUAGES)");
    }

    private static void assertSameScores(NgramLanguageScorer.Scores actual, NgramLanguageScorer.Scores expected,
            String text) {
        assertThat(actual.ngrams()).as(text).isEqualTo(expected.ngrams());
        assertThat(actual.logProbabilities()).as(text).containsExactly(expected.logProbabilities());
    }

    private static void assertSameRows(NgramLanguageScorer.Table actual, NgramLanguageScorer.Table expected) {
        assertThat(rows(actual)).isEqualTo(rows(expected));
    }

    private static Map<Long, List<Float>> rows(NgramLanguageScorer.Table table) {
        long[] keys = table.rowKeys();
        Map<Long, List<Float>> rows = new HashMap<>();
        for (int row = 0; row < keys.length; row++) {
            Float[] values = new Float[table.languages];
            for (int l = 0; l < table.languages; l++) {
                values[l] = table.values[row * table.languages + l];
            }
            rows.put(keys[row], List.of(values));
        }
        return rows;
    }

    private static Map<Long, Map<Byte, Float>> entries(NgramLanguageScorer.SparseTable table, long[] keys) {
        Map<Long, Map<Byte, Float>> rows = new HashMap<>();
        for (int row = 0; row < keys.length; row++) {
            Map<Byte, Float> entries = new HashMap<>();
            for (int i = table.start[row]; i < table.start[row + 1]; i++) {
                entries.put(table.language[i], table.value[i]);
            }
            rows.put(keys[row], entries);
        }
        return rows;
    }
}
