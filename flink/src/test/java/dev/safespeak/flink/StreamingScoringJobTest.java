package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming job's keyed operator fed by files watched continuously (the Kafka wiring: KafkaStreamingJobTest). */
class StreamingScoringJobTest {

    static final String LISTS = """
            [
              {"tenant": "acme", "kind": "BLOCK", "term": "frobnicate", "attribute": "INSULT"},
              {"tenant": "acme", "kind": "ALLOW", "term": "idiot"}
            ]
            """;

    @TempDir
    Path dir;

    @Test
    void each_tenants_lists_apply_to_its_own_messages_only() throws Exception {
        Path lists = Files.writeString(dir.resolve("lists.json"), LISTS);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("messages.jsonl"), """
                {"id": "acme-block", "tenant": "acme", "text": "please frobnicate the report"}
                {"id": "beta-block", "tenant": "beta", "text": "please frobnicate the report"}
                {"id": "acme-allow", "tenant": "acme", "text": "you idiot"}
                {"id": "beta-allow", "tenant": "beta", "text": "you idiot"}
                {"id": "no-tenant", "text": "have a nice day"}
                """);
        StreamExecutionEnvironment env = FlinkRuns.local(2);
        List<String> lines = StreamingScoringJob.scoreFiles(env, in.toString(), Duration.ofMillis(200), null,
                lists.toString()).executeAndCollect("streaming-files-test", 5);

        Map<String, JsonNode> byId = lines.stream().map(FlinkRuns::readTree)
                .collect(Collectors.toMap(n -> n.get("id").asText(), Function.identity()));
        assertThat(byId).containsOnlyKeys("acme-block", "beta-block", "acme-allow", "beta-allow", "no-tenant");

        JsonNode acmeBlock = byId.get("acme-block");
        assertThat(acmeBlock.get("tenant").asText()).isEqualTo("acme");
        assertThat(acmeBlock.get("flagged").get("INSULT").asBoolean()).isTrue();
        assertThat(acmeBlock.get("listMatches").get(0).get("kind").asText()).isEqualTo("BLOCK");
        assertThat(acmeBlock.get("listMatches").get(0).get("term").asText()).isEqualTo("frobnicate");
        assertThat(byId.get("beta-block").get("flagged").get("INSULT").asBoolean()).isFalse();
        assertThat(byId.get("beta-block").has("listMatches")).isFalse();

        JsonNode acmeAllow = byId.get("acme-allow");
        assertThat(acmeAllow.get("listMatches").get(0).get("kind").asText()).isEqualTo("ALLOW");
        assertThat(acmeAllow.get("flagged").get("TOXICITY").asBoolean()).isFalse();
        assertThat(byId.get("beta-allow").get("flagged").get("TOXICITY").asBoolean()).isTrue();
        assertThat(acmeAllow.get("scores").get("TOXICITY").asDouble())
                .isLessThan(byId.get("beta-allow").get("scores").get("TOXICITY").asDouble());

        assertThat(byId.get("no-tenant").has("tenant")).isFalse();
    }

    @Test
    void a_bad_lists_file_names_the_entry() {
        assertThatThrownBy(() -> TenantListsFile.parse(FlinkRuns.readTree(
                "[{\"tenant\":\"a\",\"kind\":\"BLOCK\",\"term\":\"x\"}]"), "l.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lists file l.json, entry 0: a blocklist term needs an attribute");
        assertThatThrownBy(() -> TenantListsFile.parse(FlinkRuns.readTree(
                "[{\"tenant\":\"a\",\"kind\":\"MAYBE\",\"term\":\"x\"}]"), "l.json"))
                .hasMessage("lists file l.json, entry 0: kind must be BLOCK or ALLOW, not MAYBE");
        assertThatThrownBy(() -> TenantListsFile.parse(FlinkRuns.readTree(
                "[{\"kind\":\"ALLOW\",\"term\":\"x\"}]"), "l.json"))
                .hasMessage("lists file l.json, entry 0 has no tenant");
        assertThatThrownBy(() -> TenantListsFile.parse(FlinkRuns.readTree(
                "[{\"tenant\":\"a\",\"kind\":\"BLOCK\",\"term\":\"x\",\"attribute\":\"RUDE\"}]"), "l.json"))
                .hasMessage("lists file l.json, entry 0: unknown attribute RUDE");
        assertThatThrownBy(() -> TenantListsFile.parse(FlinkRuns.readTree("{}"), "l.json"))
                .hasMessage("lists file l.json is not a JSON array");
    }

    @Test
    void a_message_without_a_tenant_or_not_json_is_keyed_to_no_tenant() {
        assertThat(Message.of(new InputLine(3, "{\"tenant\":\"acme\",\"text\":\"x\"}", null)).tenant())
                .isEqualTo("acme");
        assertThat(Message.of(new InputLine(3, "{\"text\":\"x\"}", null)).tenant()).isEmpty();
        assertThat(Message.of(new InputLine(3, "{not json", null)).tenant()).isEmpty();
        assertThat(Message.of(new InputLine(3, null, "is not valid UTF-8")).tenant()).isEmpty();
    }
}
