package dev.safespeak.flink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The streaming job: a Kafka topic of {@code {id, text, tenant?}} messages, keyed by tenant so each tenant's block
 * and allow lists apply, scored into a results topic; rejected messages go to a topic of their own. Exactly once:
 * offsets are part of the checkpoints, and the sinks write in Kafka transactions committed with each checkpoint
 * (readers of the results use {@code isolation.level=read_committed}).
 */
public final class StreamingScoringJob {

    /** Kafka transactions must end within the broker's transaction.max.timeout.ms (15 minutes by default). */
    static final String TRANSACTION_TIMEOUT_MILLIS = "600000";

    /**
     * Where to read and write.
     *
     * @param bootstrapServers Kafka's bootstrap servers
     * @param inputTopic       the messages
     * @param outputTopic      the results
     * @param rejectedTopic    the rejected messages
     * @param groupId          the consumer group (offsets are committed to it on each checkpoint, for monitoring)
     * @param listsPath        the tenants' block and allow lists (see {@link TenantListsFile}), or null for none
     * @param modelPath        a model artifact, or null for the committed default model
     * @param checkpointMillis the checkpoint interval; results become visible to read_committed readers at this pace
     */
    public record Settings(String bootstrapServers, String inputTopic, String outputTopic, String rejectedTopic,
                           String groupId, String listsPath, String modelPath, long checkpointMillis) {
        public Settings {
            require(bootstrapServers, "--bootstrap-servers");
            require(inputTopic, "--input-topic");
            require(outputTopic, "--output-topic");
            require(rejectedTopic, "--rejected-topic");
            require(groupId, "--group-id");
            if (checkpointMillis <= 0) {
                throw new IllegalArgumentException("--checkpoint-millis must be > 0, not " + checkpointMillis);
            }
        }

        private static void require(String value, String option) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + " is required");
            }
        }
    }

    private StreamingScoringJob() {
    }

    /** Adds the Kafka source, the keyed scoring operator and the Kafka sinks to the environment. */
    public static void build(StreamExecutionEnvironment env, Settings settings) {
        build(env, settings, UnaryOperator.identity());
    }

    /** As {@link #build(StreamExecutionEnvironment, Settings)}, with a step between the source and the scoring. */
    static void build(StreamExecutionEnvironment env, Settings settings,
                      UnaryOperator<DataStream<Message>> beforeScoring) {
        env.enableCheckpointing(settings.checkpointMillis(), CheckpointingMode.EXACTLY_ONCE);
        KafkaSource<Message> source = KafkaSource.<Message>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(settings.inputTopic())
                .setGroupId(settings.groupId())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new MessageDeserializer())
                .build();
        DataStream<Message> messages = beforeScoring.apply(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "messages"));
        SingleOutputStreamOperator<String> results = score(messages, settings.modelPath(), settings.listsPath());
        results.sinkTo(kafkaSink(settings, settings.outputTopic())).name("results");
        results.getSideOutput(ScoreFunction.REJECTED).sinkTo(kafkaSink(settings, settings.rejectedTopic()))
                .name("rejected");
    }

    /**
     * The same keyed operator fed by JSONL files watched continuously (new files are picked up every
     * {@code interval}); for a stream without Kafka, and for tests.
     */
    public static SingleOutputStreamOperator<String> scoreFiles(StreamExecutionEnvironment env, String directory,
                                                               Duration interval, String modelPath,
                                                               String listsPath) {
        Path root = new Path(directory);
        try {
            root = root.makeQualified(root.getFileSystem());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot watch " + directory + ": " + SetupChecks.oneLine(e));
        }
        FileSource<InputLine> source = FileSource.forBulkFileFormat(new JsonlCorpusFormat(root), root)
                .monitorContinuously(interval).build();
        DataStream<Message> messages = env.fromSource(source, WatermarkStrategy.noWatermarks(), "jsonl-files")
                .map(Message::of).name("tenant");
        return score(messages, modelPath, listsPath);
    }

    /**
     * The keyed scoring operator; the lists file is read and checked here, in the job's client, and its text ships
     * with the job.
     *
     * @throws IllegalArgumentException when the lists file cannot be read or has a bad entry
     */
    static SingleOutputStreamOperator<String> score(DataStream<Message> messages, String modelPath,
                                                   String listsPath) {
        String listsJson = listsPath == null || listsPath.isBlank() ? null : TenantListsFile.load(listsPath);
        return messages.keyBy(Message::tenant).process(new TenantScoreFunction(modelPath, listsJson, listsPath))
                .name("score");
    }

    static KafkaSink<String> kafkaSink(Settings settings, String topic) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(settings.groupId() + "-" + topic)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MILLIS)
                .build();
    }

    /** A Kafka record's value as a message, with its topic, partition and offset. */
    static final class MessageDeserializer implements KafkaRecordDeserializationSchema<Message> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Message> out) throws IOException {
            byte[] value = record.value();
            if (value == null) {
                out.collect(Message.of(InputLine.ofKafka(record.topic(), record.partition(), record.offset(), null,
                        "has no value")));
                return;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
                out.collect(Message.of(InputLine.ofKafka(record.topic(), record.partition(), record.offset(), text,
                        null)));
            } catch (CharacterCodingException e) {
                out.collect(Message.of(InputLine.ofKafka(record.topic(), record.partition(), record.offset(), null,
                        "is not valid UTF-8")));
            }
        }

        @Override
        public TypeInformation<Message> getProducedType() {
            return TypeInformation.of(Message.class);
        }
    }
}
