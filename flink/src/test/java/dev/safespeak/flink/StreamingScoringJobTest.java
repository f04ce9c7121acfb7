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
import dev.safespeak.moderation.engine.TenantLists;
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
        assertThatThrownBy(() -> TenantListsFile.parse(FlinkRuns.readTree(
                "[{\"tenant\":\"a\",\"kind\":\"ALLOW\",\"term\":\"x\",\"attribte\":\"INSULT\"}]"), "l.json"))
                .hasMessage("lists file l.json, entry 0: unknown field attribte (tenant, kind, term and attribute are"
                        + " allowed)");
        assertThatThrownBy(() -> TenantListsFile.parse("[{\"tenant\":", "l.json"))
                .hasMessageStartingWith("lists file l.json is not valid JSON (").hasMessageNotContaining("\n");
    }

    @Test
    void a_message_whose_tenant_is_not_a_string_is_rejected_with_the_reason() throws Exception {
        String record = "{\"id\":\"t\",\"text\":\"hello\",\"tenant\":7}";
        Message message = Message.of(InputLine.ofFile(3, record, null));
        assertThat(message.tenant()).isEmpty();
        RecordScorer.Outcome outcome = RecordScorer.shared(null).score(message.input(), TenantLists.EMPTY);
        assertThat(outcome.error()).isEqualTo("\"tenant\" is not a string");
        JsonNode rejection = FlinkRuns.readTree(RecordScorer.rejectionLine(message.input(), outcome.error(), ""));
        assertThat(rejection.get("record").asText()).isEqualTo(record);
        assertThat(Message.of(InputLine.ofFile(3, "{\"text\":\"x\",\"tenant\":null}", null)).input().error())
                .isNull();
    }

    @Test
    void a_kafka_record_is_named_by_topic_partition_and_offset_and_gets_partition_and_offset_as_id()
            throws Exception {
        List<Message> messages = new java.util.ArrayList<>();
        org.apache.flink.util.Collector<Message> collector = new org.apache.flink.util.Collector<>() {
            @Override
            public void collect(Message m) {
                messages.add(m);
            }

            @Override
            public void close() {
            }
        };
        var deserializer = new StreamingScoringJob.MessageDeserializer();
        deserializer.deserialize(new org.apache.kafka.clients.consumer.ConsumerRecord<>("messages", 0, 5L, null,
                "{\"text\":\"hello there\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), collector);
        deserializer.deserialize(new org.apache.kafka.clients.consumer.ConsumerRecord<>("messages", 1, 5L, null,
                "{\"text\":\"hello there\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), collector);
        deserializer.deserialize(new org.apache.kafka.clients.consumer.ConsumerRecord<>("messages", 1, 6L, null,
                "{\"id\":".getBytes(java.nio.charset.StandardCharsets.UTF_8)), collector);

        RecordScorer scorer = RecordScorer.shared(null);
        List<String> ids = messages.subList(0, 2).stream().map(m -> FlinkRuns.readTree(scorer.tenantResultLine(
                scorer.score(m.input(), TenantLists.EMPTY), m.tenant())).get("id").asText()).toList();
        assertThat(ids).containsExactly("0:5", "1:5");
        InputLine bad = messages.get(2).input();
        JsonNode rejection = FlinkRuns.readTree(RecordScorer.rejectionLine(bad,
                scorer.score(bad, TenantLists.EMPTY).error(), ""));
        assertThat(rejection.get("topic").asText()).isEqualTo("messages");
        assertThat(rejection.get("partition").asInt()).isEqualTo(1);
        assertThat(rejection.get("offset").asLong()).isEqualTo(6);
        assertThat(rejection.has("line")).isFalse();
    }

    @Test
    void a_message_without_a_tenant_or_not_json_is_keyed_to_no_tenant() {
        assertThat(Message.of(InputLine.ofFile(3, "{\"tenant\":\"acme\",\"text\":\"x\"}", null)).tenant())
                .isEqualTo("acme");
        assertThat(Message.of(InputLine.ofFile(3, "{\"text\":\"x\"}", null)).tenant()).isEmpty();
        assertThat(Message.of(InputLine.ofFile(3, "{not json", null)).tenant()).isEmpty();
        assertThat(Message.of(InputLine.ofFile(3, null, "is not valid UTF-8")).tenant()).isEmpty();
    }
}
