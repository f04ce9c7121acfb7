package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the readers against the shared data; skipped with a message where ../shared/data is absent. */
class SharedDataTest {

    private static final Path DATA = Path.of("../shared/data");

    @Test
    void olid_training_file_has_its_documented_row_count() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "../shared/data is absent; shared-data checks skipped");
        List<String[]> rows = Csv.readPlain(DATA.resolve("olid/olid-training-v1.0.tsv"), '\t');
        assertThat(rows).hasSize(13_241);
    }

    @Test
    void quoted_csv_with_multiline_texts_is_read_record_by_record() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "../shared/data is absent; shared-data checks skipped");
        List<String[]> rows = Csv.readQuoted(DATA.resolve("toxic_spans/tsd_trial.csv"), ',');
        assertThat(rows).hasSize(691);
        assertThat(rows.get(1)[0]).startsWith("[");
    }
}
