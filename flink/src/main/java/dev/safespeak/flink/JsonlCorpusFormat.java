package dev.safespeak.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;

/**
 * {@link JsonlLineFormat} over a directory: each line also names its file relative to the directory, so rejections
 * say where they are and records without an id get one that is unique across the corpus ({@code "<file>:<line>"}).
 * Over a single file the lines are left as they are, so the results are the {@code score} command's.
 */
final class JsonlCorpusFormat implements BulkFormat<InputLine, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    private final BulkFormat<InputLine, FileSourceSplit> lines = new StreamFormatAdapter<>(new JsonlLineFormat());
    /** The input directory's path (URI path, no trailing slash), or null when the input is a single file. */
    private final String directory;

    /** @param directory the qualified input directory, or null when the input is a single file */
    JsonlCorpusFormat(Path directory) {
        this.directory = directory == null ? null : strip(directory.toUri().getPath());
    }

    @Override
    public Reader<InputLine> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return named(lines.createReader(config, split), split.path());
    }

    @Override
    public Reader<InputLine> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        return named(lines.restoreReader(config, split), split.path());
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<InputLine> getProducedType() {
        return TypeInformation.of(InputLine.class);
    }

    /** The file relative to the directory ({@code sub/a.jsonl}); its name when it is not under it. */
    static String relative(String directory, Path file) {
        String path = file.toUri().getPath();
        return path.startsWith(directory + "/") ? path.substring(directory.length() + 1) : file.getName();
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Reader<InputLine> named(Reader<InputLine> reader, Path file) {
        if (directory == null) {
            return reader;
        }
        String name = relative(directory, file);
        return new Reader<>() {
            @Override
            public RecordIterator<InputLine> readBatch() throws IOException {
                RecordIterator<InputLine> batch = reader.readBatch();
                if (batch == null) {
                    return null;
                }
                return new RecordIterator<>() {
                    @Override
                    public RecordAndPosition<InputLine> next() {
                        RecordAndPosition<InputLine> next = batch.next();
                        return next == null ? null : new RecordAndPosition<>(next.getRecord().inFile(name),
                                next.getOffset(), next.getRecordSkipCount());
                    }

                    @Override
                    public void releaseBatch() {
                        batch.releaseBatch();
                    }
                };
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
