package dev.safespeak.flink;

import dev.safespeak.moderation.engine.OfflineScorer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSONL file line by line with the {@code score} command's line reader, so line numbers, blank lines and
 * invalid UTF-8 are treated alike: a line that is not UTF-8 becomes an {@link InputLine} with an error instead of
 * failing the job. Files are not split; after a restore Flink re-reads the file and skips what was emitted, so line
 * numbers stay right.
 */
public final class JsonlLineFormat extends SimpleStreamFormat<InputLine> {

    private static final long serialVersionUID = 1L;

    @Override
    public StreamFormat.Reader<InputLine> createReader(Configuration config, FSDataInputStream stream) {
        OfflineScorer.LineSource source = new OfflineScorer.LineSource(stream);
        return new StreamFormat.Reader<>() {
            private long line;

            @Override
            public InputLine read() throws IOException {
                while (true) {
                    line++;
                    String text;
                    try {
                        text = source.readLine();
                    } catch (CharacterCodingException e) {
                        return InputLine.ofFile(line, null, "is not valid UTF-8");
                    }
                    if (text == null) {
                        return null;
                    }
                    if (!text.isBlank()) {
                        return InputLine.ofFile(line, text, null);
                    }
                }
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    @Override
    public TypeInformation<InputLine> getProducedType() {
        return TypeInformation.of(InputLine.class);
    }
}
