package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job against a real Kafka broker (KRaft, started by the test on loopback): every message is scored
 * exactly once into the results topic with its tenant's lists, even when a task fails after a checkpoint and the job
 * restarts from it, and bad messages go to the rejected topic.
 */
@Tag("kafka")
class KafkaStreamingJobTest {

    static final int MESSAGES = 300;

    @TempDir
    Path dir;

    /** Set once the injected failure has happened (the MiniCluster runs in this JVM). */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @Test
    void scores_each_message_exactly_once_with_its_tenants_lists_across_a_failure_and_restore() throws Exception {
        Path lists = Files.writeString(dir.resolve("lists.json"), StreamingScoringJobTest.LISTS);
        try (KafkaBroker broker = KafkaBroker.start(Files.createDirectories(dir.resolve("kafka")))) {
            broker.createTopics("messages", "results", "rejected");
            Properties producerProps = new Properties();
            producerProps.put("bootstrap.servers", broker.bootstrapServers());
            producerProps.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            producerProps.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
            StreamExecutionEnvironment env = FlinkRuns.local(2);
            StreamingScoringJob.build(env, new StreamingScoringJob.Settings(broker.bootstrapServers(), "messages",
                    "results", "rejected", "safespeak-test", lists.toString(), null, 1_000),
                    messages -> messages.map(KafkaStreamingJobTest::failOnceInSecondHalf).name("fail-once"));
            JobClient job = env.executeAsync("kafka-streaming-test");
            try {
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps)) {
                    produce(producer, 0, MESSAGES / 2);
                    // Results of the first half are committed only with a checkpoint: once they are visible, the
                    // second half's first message fails the job, which restarts from that checkpoint.
                    assertThat(consume(broker, "results", MESSAGES / 2)).hasSize(MESSAGES / 2);
                    produce(producer, MESSAGES / 2, MESSAGES);
                    producer.send(new ProducerRecord<>("messages", "bad-json",
                            "{\"id\":".getBytes(StandardCharsets.UTF_8)));
                    producer.send(new ProducerRecord<>("messages", "bad-utf8",
                            new byte[] {'{', (byte) 0xFF, '}'}));
                    producer.flush();
                }
                List<String> results = consume(broker, "results", MESSAGES);
                List<String> rejected = consume(broker, "rejected", 2);
                assertThat(FAILED).isTrue();

                Map<String, Integer> seen = new HashMap<>();
                for (String line : results) {
                    JsonNode node = FlinkRuns.readTree(line);
                    String id = node.get("id").asText();
                    seen.merge(id, 1, Integer::sum);
                    int i = Integer.parseInt(id.substring(2));
                    boolean acmeBlock = i % 3 == 0 && i % 2 == 0;
                    assertThat(node.get("flagged").get("INSULT").asBoolean()).as(line).isEqualTo(acmeBlock);
                    assertThat(node.has("tenant")).as(line).isEqualTo(i % 3 != 2);
                }
                assertThat(seen).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
                assertThat(rejected).hasSize(2);
                assertThat(rejected.stream().map(r -> FlinkRuns.readTree(r).get("error").asText()))
                        .containsExactlyInAnyOrder("is not valid UTF-8",
                                "is not valid JSON (Unexpected end-of-input within/between Object entries)");
                assertThat(rejected).allSatisfy(r -> {
                    JsonNode node = FlinkRuns.readTree(r);
                    assertThat(node.get("topic").asText()).isEqualTo("messages");
                    assertThat(node.get("partition").asInt()).isBetween(0, 1);
                    assertThat(node.has("offset")).isTrue();
                });
            } finally {
                job.cancel().get();
            }
        }
    }

    private static void produce(KafkaProducer<String, byte[]> producer, int from, int to) {
        for (int i = from; i < to; i++) {
            String tenant = i % 3 == 0 ? "acme" : i % 3 == 1 ? "beta" : null;
            String text = i % 2 == 0 ? "please frobnicate the report " + i : "thanks for the help " + i;
            String json = "{\"id\":\"m-" + i + "\",\"text\":\"" + text + "\""
                    + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"") + "}";
            producer.send(new ProducerRecord<>("messages", "k" + i, json.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /** Fails the task once, at the first message of the second half. */
    private static Message failOnceInSecondHalf(Message message) {
        if (message.input().text() != null && message.input().text().contains("\"m-" + MESSAGES / 2 + "\"")
                && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure");
        }
        return message;
    }

    /** Reads committed records until {@code expected} have come, then a little longer to see any duplicate. */
    private static List<String> consume(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                KafkaBroker.consumerProperties(broker.bootstrapServers(), "check-" + UUID.randomUUID()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                if (values.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return values;
    }
}
