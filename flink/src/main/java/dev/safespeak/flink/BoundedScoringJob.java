package dev.safespeak.flink;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * The bounded job: a JSONL file, or every JSONL file under the input directory except hidden ones (see
 * {@link CorpusEnumerator}), in the {@code score} command's format, is scored into {@code OUT/results/*.jsonl};
 * rejected records go to {@code OUT/rejected/*.jsonl} and the counts to {@code OUT/summary.json}. Bad records never
 * fail the job. Records of a directory's files are named by file: a rejection carries its {@code file} (relative to
 * the directory), and a record without an id gets {@code "<file>:<line>"}; a single file's results are the
 * command's, byte for byte.
 */
public final class BoundedScoringJob {

    /** The folders and the file the job writes under OUT. */
    static final String RESULTS = "results";
    static final String REJECTED = "rejected";
    static final String SUMMARY = "summary.json";

    /**
     * What to score.
     *
     * @param in        a JSONL file or a directory of them (any Flink file system)
     * @param out       the output directory
     * @param modelPath a model artifact, or null for the committed default model
     */
    public record Settings(String in, String out, String modelPath) {
        public Settings {
            if (in == null || in.isBlank()) {
                throw new IllegalArgumentException("--in is required");
            }
            if (out == null || out.isBlank()) {
                throw new IllegalArgumentException("--out is required");
            }
        }
    }

    private BoundedScoringJob() {
    }

    /** Adds the job's sources, operator and sinks to the environment (batch execution). */
    public static void build(StreamExecutionEnvironment env, Settings settings) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        Path in = new Path(settings.in());
        boolean directory;
        try {
            FileSystem fs = in.getFileSystem();
            in = in.makeQualified(fs);
            directory = fs.getFileStatus(in).isDir();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --in " + settings.in() + ": " + SetupChecks.oneLine(e));
        }
        FileSource<InputLine> source = FileSource.forBulkFileFormat(new JsonlCorpusFormat(directory ? in : null), in)
                .setFileEnumerator(CorpusEnumerator::new)
                .build();
        DataStream<InputLine> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "jsonl-files");
        SingleOutputStreamOperator<String> results = score(lines, settings.modelPath());
        Path out = new Path(settings.out());
        results.sinkTo(jsonlSink(new Path(out, RESULTS))).name("results");
        results.getSideOutput(ScoreFunction.REJECTED).sinkTo(jsonlSink(new Path(out, REJECTED))).name("rejected");
        results.getSideOutput(ScoreFunction.TALLY).sinkTo(new SummarySink(out.toString()))
                .name("summary").setParallelism(1);
    }

    /** The scoring operator on a stream of lines; its side outputs are the rejected records and the tallies. */
    static SingleOutputStreamOperator<String> score(DataStream<InputLine> lines, String modelPath) {
        return lines.process(new ScoreFunction(modelPath)).name("score");
    }

    /** JSONL part files directly under the directory, one per subtask. */
    static FileSink<String> jsonlSink(Path directory) {
        return FileSink.forRowFormat(directory, new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl")
                        .build())
                .withBucketCheckInterval(Duration.ofSeconds(1).toMillis())
                .build();
    }
}
