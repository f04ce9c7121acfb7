package dev.safespeak.moderation.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicDevRowsTest {

    @TempDir
    Path dir;

    @Test
    void writes_only_the_dev_rows_with_their_set_language_text_and_stated_labels() throws Exception {
        DataSets.Loaded loaded = new DataSets.Loaded(List.of(
                new LabelledText("olid", "en", Split.TRAIN, "trained on", Map.of(Attribute.TOXICITY, true), 1.0),
                new LabelledText("olid", "en", Split.DEV, "you \"absolute\" clown", Map.of(Attribute.TOXICITY, true,
                        Attribute.INSULT, true), 1.0),
                new LabelledText("cold", "zh", Split.DEV, "今天天气很好", Map.of(Attribute.TOXICITY, false), 1.0),
                new LabelledText("cold", "zh", Split.TEST, "never written", Map.of(Attribute.TOXICITY, false), 1.0)),
                Map.of());
        Path out = dir.resolve("work/public-dev.jsonl");

        int rows = PublicDevRows.write(loaded, out);

        assertThat(rows).isEqualTo(2);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asInt()).isZero();
        assertThat(first.get("dataset").asText()).isEqualTo("olid");
        assertThat(first.get("text").asText()).isEqualTo("you \"absolute\" clown");
        assertThat(first.get("labels").toString()).isEqualTo("{\"TOXICITY\":true,\"INSULT\":true}");
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("id").asInt()).isEqualTo(1);
        assertThat(second.get("language").asText()).isEqualTo("zh");
        assertThat(second.get("labels").toString()).isEqualTo("{\"TOXICITY\":false}");
        assertThat(String.join("\n", lines)).doesNotContain("trained on").doesNotContain("never written");
    }
}
