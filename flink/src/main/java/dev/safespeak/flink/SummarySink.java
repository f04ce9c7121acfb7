package dev.safespeak.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Adds up the tallies and writes {@code OUT/summary.json} when the input ends: texts scored, records rejected, texts
 * flagged per attribute, and the same per detected language. It also makes sure {@code OUT/results/} and
 * {@code OUT/rejected/} exist, empty when there was nothing to write (Flink's file sink creates a folder only for
 * its first line), so tools that read them need not tell "nothing" from "missing". Run it with parallelism 1.
 */
public final class SummarySink implements Sink<Tally> {

    private static final long serialVersionUID = 1L;
    private static final Attribute[] ATTRIBUTES = Attribute.values();

    private final String out;

    /** @param out the job's output folder */
    public SummarySink(String out) {
        this.out = out;
    }

    @Override
    public SinkWriter<Tally> createWriter(WriterInitContext context) {
        return new Writer(new Path(out));
    }

    /** Counts per language: index 0 is texts, 1 + ordinal the texts flagged for that attribute. */
    static final class Writer implements SinkWriter<Tally> {
        private final Path out;
        private final Map<String, long[]> byLanguage = new TreeMap<>();
        private long rejected;
        private boolean written;

        Writer(Path out) {
            this.out = out;
        }

        @Override
        public void write(Tally tally, Context context) {
            if (tally.rejected()) {
                rejected++;
                return;
            }
            long[] counts = byLanguage.computeIfAbsent(tally.language(), k -> new long[1 + ATTRIBUTES.length]);
            counts[0]++;
            for (Attribute a : ATTRIBUTES) {
                if ((tally.flaggedMask() & (1 << a.ordinal())) != 0) {
                    counts[1 + a.ordinal()]++;
                }
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput && !written) {
                written = true;
                FileSystem fs = out.getFileSystem();
                fs.mkdirs(new Path(out, BoundedScoringJob.RESULTS));
                fs.mkdirs(new Path(out, BoundedScoringJob.REJECTED));
                Path path = new Path(out, BoundedScoringJob.SUMMARY);
                try (OutputStream stream = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(stream, summary());
                }
            }
        }

        ObjectNode summary() {
            long[] total = new long[1 + ATTRIBUTES.length];
            ObjectNode languages = JsonNodeFactory.instance.objectNode();
            byLanguage.forEach((language, counts) -> {
                for (int i = 0; i < counts.length; i++) {
                    total[i] += counts[i];
                }
                languages.set(language, counts(counts));
            });
            ObjectNode root = counts(total);
            root.put("rejected", rejected);
            root.set("languages", languages);
            return root;
        }

        private static ObjectNode counts(long[] counts) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("texts", counts[0]);
            ObjectNode flagged = node.putObject("flagged");
            for (Attribute a : ATTRIBUTES) {
                flagged.put(a.name(), counts[1 + a.ordinal()]);
            }
            return node;
        }

        @Override
        public void close() {
        }
    }
}
