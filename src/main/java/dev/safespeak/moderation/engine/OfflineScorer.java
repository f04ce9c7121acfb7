package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.Span;
import dev.safespeak.moderation.TextScore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a JSONL or CSV file of {@code {id, text}} records into a JSONL or CSV file, streaming: records
 * are read in chunks, scored on a few threads and written in input order, so memory stays constant
 * whatever the file size. A bad record is reported on stderr with its line number and skipped.
 */
public final class OfflineScorer {

    /** Records per chunk handed to a worker. */
    static final int CHUNK = 256;
    /** Report progress on stderr at most this often. */
    static final long PROGRESS_NANOS = 2_000_000_000L;

    /** File formats the scorer reads and writes. */
    public enum Format { JSONL, CSV }

    /**
     * What to score and how.
     *
     * @param thresholds flag thresholds per attribute that replace the engines' own (empty: each engine's own), as a
     *                   request's {@code thresholds}
     */
    public record Settings(Path in, Path out, Format inFormat, Format outFormat, boolean spans, int threads,
                           Map<Attribute, Double> thresholds) {

        /** Settings with each engine's own thresholds. */
        public Settings(Path in, Path out, Format inFormat, Format outFormat, boolean spans, int threads) {
            this(in, out, inFormat, outFormat, spans, threads, Map.of());
        }
    }

    /** What a run did. */
    public record Summary(long scored, long skipped, long millis) {
    }

    /**
     * One input record as the command reads it: a text to score with its id, or the reason it cannot be scored.
     *
     * @param line   the line the record starts on (1-based)
     * @param id     the id as text; the line number when the record has none
     * @param jsonId the id as it appeared in JSON (number or string), or null for CSV
     * @param text   the text, or null when {@code error} is set
     * @param error  why the record is bad, or null
     */
    public record Input(long line, String id, JsonNode jsonId, String text, String error) {
    }

    private record Chunk(List<String> lines, List<String> errors, long scored) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Attribute> ATTRIBUTES = List.of(Attribute.values());

    private final ModerationEngine engine;
    private final Classifier classifier;
    private final PrintStream err;

    public OfflineScorer(ModerationEngine engine, Classifier classifier, PrintStream err) {
        this.engine = engine;
        this.classifier = classifier;
        this.err = err;
    }

    public static Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.JSONL;
    }

    /** The options the command scores every record with: every attribute of the model, detected language. */
    public static ModerationEngine.Options options(ModerationEngine engine, Classifier classifier, boolean spans) {
        return options(engine, classifier, spans, Map.of());
    }

    /**
     * The same with flag thresholds that replace the engines' own for the attributes they name.
     *
     * @throws IllegalArgumentException for a threshold outside 0 to 1
     */
    public static ModerationEngine.Options options(ModerationEngine engine, Classifier classifier, boolean spans,
                                                   Map<Attribute, Double> thresholds) {
        ModerationRequest template = new ModerationRequest(List.of("x"), Set.of(), List.of(), spans, thresholds, null,
                null);
        engine.validate(template);
        return ModerationEngine.Options.of(template, classifier, engine.languages(), true);
    }

    /**
     * Scores every record of the input into the output. The output is replaced only when the run finishes; a run that
     * throws leaves it as it was (see {@link OutputFile}).
     */
    public Summary run(Settings settings) throws IOException {
        long started = System.nanoTime();
        ModerationEngine.Options options = options(engine, classifier, settings.spans(), settings.thresholds());
        List<Attribute> attributes = ATTRIBUTES.stream().filter(options.attributes()::contains).toList();
        OutputFile output = OutputFile.open(settings.out());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
            Thread t = new Thread(r, "score-worker");
            t.setDaemon(true);
            return t;
        });
        long scored = 0;
        long skipped = 0;
        long read = 0;
        long lastProgress = started;
        try (LineSource reader = new LineSource(Files.newInputStream(settings.in()));
             BufferedWriter writer = Files.newBufferedWriter(output.written(), StandardCharsets.UTF_8)) {
            RecordReader records = settings.inFormat() == Format.CSV ? new CsvRecords(reader, settings.in())
                    : new JsonlRecords(reader);
            if (settings.outFormat() == Format.CSV) {
                writer.write(csvHeader(attributes, settings.spans()));
                writer.write('\n');
            }
            ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
            int maxInFlight = Math.max(2, settings.threads() * 2);
            while (true) {
                List<Input> batch = new ArrayList<>(CHUNK);
                Input r;
                while (batch.size() < CHUNK && (r = records.next()) != null) {
                    batch.add(r);
                }
                if (batch.isEmpty()) {
                    break;
                }
                read += batch.size();
                inFlight.add(pool.submit(() -> score(batch, options, attributes, settings.outFormat())));
                while (inFlight.size() >= maxInFlight) {
                    Chunk done = await(inFlight.poll());
                    scored += done.scored();
                    skipped += write(done, writer);
                }
                long now = System.nanoTime();
                if (now - lastProgress > PROGRESS_NANOS) {
                    lastProgress = now;
                    err.printf(Locale.ROOT, "read %,d records, %,d texts/s%n", read,
                            (long) (read / ((now - started) / 1e9)));
                }
            }
            while (!inFlight.isEmpty()) {
                Chunk done = await(inFlight.poll());
                scored += done.scored();
                skipped += write(done, writer);
            }
        } catch (IOException | RuntimeException | Error e) {
            output.discard();
            throw e;
        } finally {
            pool.shutdownNow();
        }
        output.commit();
        return new Summary(scored, skipped, (System.nanoTime() - started) / 1_000_000);
    }

    private long write(Chunk chunk, Writer writer) throws IOException {
        for (String line : chunk.lines()) {
            writer.write(line);
            writer.write('\n');
        }
        for (String error : chunk.errors()) {
            err.println(error);
        }
        return chunk.errors().size();
    }

    private static Chunk await(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scoring was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("scoring failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Chunk score(List<Input> batch, ModerationEngine.Options options, List<Attribute> attributes,
                        Format outFormat) {
        List<String> lines = new ArrayList<>(batch.size());
        List<String> errors = new ArrayList<>();
        long scored = 0;
        for (Input r : batch) {
            if (r.error() != null) {
                errors.add("line " + r.line() + ": " + r.error() + " (skipped)");
                continue;
            }
            try {
                ModerationEngine.checkText(r.text(), "text");
                TextScore score = engine.score(r.text(), options, classifier, TenantLists.EMPTY);
                lines.add(outFormat == Format.CSV ? csvLine(r, score, attributes, options.spans())
                        : jsonLine(r, score, classifier.version(), options.spans()));
                scored++;
            } catch (IllegalArgumentException e) {
                errors.add("line " + r.line() + ": " + e.getMessage() + " (skipped)");
            }
        }
        return new Chunk(lines, errors, scored);
    }

    /**
     * The JSONL line of one scored record, exactly as the command writes it: the characters Jackson writes for
     * {@link #jsonResult} (same order, escapes and numbers; OfflineScorerJsonTest compares them), built directly
     * instead of through a tree and a serialiser, which cost a tenth of the command's time per text.
     */
    public static String jsonLine(Input r, TextScore score, String modelVersion, boolean spans) {
        StringBuilder b = new StringBuilder(spans ? 1024 : 320);
        b.append("{\"id\":");
        JsonNode id = r.jsonId();
        if (id == null || id.isTextual()) {
            jsonString(b, id == null ? r.id() : id.textValue());
        } else if (id.isInt() || id.isLong()) {
            b.append(id.longValue());
        } else {
            try {
                b.append(JSON.writeValueAsString(id));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        b.append(",\"language\":");
        jsonString(b, score.language().code());
        b.append(",\"languageConfidence\":");
        appendRounded(b, score.language().confidence());
        b.append(",\"modelVersion\":");
        jsonString(b, modelVersion);
        b.append(",\"engine\":");
        jsonString(b, score.engine());
        b.append(",\"scores\":{");
        int[] n = {0};
        score.scores().forEach((a, v) -> {
            b.append(n[0]++ == 0 ? "\"" : ",\"").append(a.name()).append("\":");
            appendRounded(b, v);
        });
        b.append("},\"flagged\":{");
        n[0] = 0;
        score.flagged().forEach((a, v) -> b.append(n[0]++ == 0 ? "\"" : ",\"").append(a.name()).append("\":")
                .append(v));
        b.append('}');
        if (spans) {
            b.append(",\"spans\":{");
            n[0] = 0;
            score.spans().forEach((a, list) -> {
                b.append(n[0]++ == 0 ? "\"" : ",\"").append(a.name()).append("\":[");
                for (int i = 0; i < list.size(); i++) {
                    Span s = list.get(i);
                    b.append(i == 0 ? "{\"begin\":" : ",{\"begin\":").append(s.begin()).append(",\"end\":")
                            .append(s.end()).append(",\"score\":");
                    appendRounded(b, s.score());
                    b.append('}');
                }
                b.append(']');
            });
            b.append('}');
        }
        return b.append('}').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JSON string as Jackson writes it by default: quotes, backslashes and control characters escaped. */
    static void jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0, length = s.length(); i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                b.append(c);
                continue;
            }
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        b.append('"');
    }

    /** {@link Double#toString} of each {@code k / 10_000} (k = 0 to 10,000), filled as they are first written. */
    private static final String[] FOUR_DECIMALS = new String[10_001];

    /**
     * Appends {@link #round}{@code (value)} as Double.toString (and so Jackson) writes it; scores, confidences
     * and span scores lie between 0 and 1, whose 10,001 strings are kept instead of formatted per value.
     */
    static void appendRounded(StringBuilder b, double value) {
        long k = Math.round(value * 10_000d);
        if (k < 0 || k > 10_000) {
            b.append(Double.toString(k / 10_000d));
            return;
        }
        String text = FOUR_DECIMALS[(int) k];
        if (text == null) {
            // Racing threads write equal immutable strings, so an unsynchronised cache is safe.
            text = Double.toString(k / 10_000d);
            FOUR_DECIMALS[(int) k] = text;
        }
        b.append(text);
    }

    /** The JSONL result of one scored record as a tree, for callers that add fields to it. */
    public static ObjectNode jsonResult(Input r, TextScore score, String modelVersion, boolean spans) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("id", r.jsonId() != null ? r.jsonId() : JsonNodeFactory.instance.textNode(r.id()));
        out.put("language", score.language().code());
        out.put("languageConfidence", round(score.language().confidence()));
        out.put("modelVersion", modelVersion);
        out.put("engine", score.engine());
        ObjectNode scores = out.putObject("scores");
        score.scores().forEach((a, v) -> scores.put(a.name(), round(v)));
        ObjectNode flagged = out.putObject("flagged");
        score.flagged().forEach((a, v) -> flagged.put(a.name(), v));
        if (spans) {
            ObjectNode spanNode = out.putObject("spans");
            score.spans().forEach((a, list) -> {
                var array = spanNode.putArray(a.name());
                for (Span s : list) {
                    array.addObject().put("begin", s.begin()).put("end", s.end()).put("score", round(s.score()));
                }
            });
        }
        return out;
    }

    private static String csvHeader(List<Attribute> attributes, boolean spans) {
        StringBuilder b = new StringBuilder("id,language,language_confidence,model_version");
        for (Attribute a : attributes) {
            b.append(',').append(a.name());
        }
        for (Attribute a : attributes) {
            b.append(",flagged_").append(a.name());
        }
        b.append(",engine");
        if (spans) {
            b.append(",spans");
        }
        return b.toString();
    }

    private String csvLine(Input r, TextScore score, List<Attribute> attributes, boolean spans) {
        StringBuilder b = new StringBuilder();
        b.append(csvField(r.id())).append(',').append(score.language().code()).append(',')
                .append(round(score.language().confidence())).append(',').append(csvField(classifier.version()));
        for (Attribute a : attributes) {
            b.append(',').append(round(score.scores().get(a)));
        }
        for (Attribute a : attributes) {
            b.append(',').append(score.flagged().get(a));
        }
        b.append(',').append(score.engine());
        if (spans) {
            ObjectNode spanNode = JsonNodeFactory.instance.objectNode();
            score.spans().forEach((a, list) -> {
                var array = spanNode.putArray(a.name());
                list.forEach(s -> array.addObject().put("begin", s.begin()).put("end", s.end())
                        .put("score", round(s.score())));
            });
            b.append(',').append(csvField(spanNode.toString()));
        }
        return b.toString();
    }

    /** Scores are written to four decimals. */
    public static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }

    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A record that cannot be scored, with the reason the command reports for it. */
    public static Input bad(long line, String error) {
        return new Input(line, null, null, null, error);
    }

    /**
     * Reads one non-blank JSONL line the way the command does: {@code {"id": ..., "text": ...}}, id optional. Anything
     * after the first JSON value (a second object, stray words) makes the line invalid JSON: one line is one record.
     */
    public static Input readJsonLine(String text, long line) {
        return readJsonLine(text, line, null);
    }

    /**
     * The same, with the id a record without one gets: {@code defaultId} (a string), or its line number (a number)
     * when that is null. The Flink job names records of a directory's files by file and line this way.
     */
    public static Input readJsonLine(String text, long line, String defaultId) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode node = JSON.readTree(parser);
            if (node == null || !node.isObject()) {
                return bad(line, "not a JSON object");
            }
            if (parser.nextToken() != null) {
                return bad(line, "is not valid JSON (more after the JSON value, at column "
                        + parser.currentTokenLocation().getColumnNr() + ")");
            }
            JsonNode id = node.get("id");
            JsonNode body = node.get("text");
            if (body == null || body.isNull()) {
                return bad(line, "has no \"text\"");
            }
            if (!body.isTextual()) {
                return bad(line, "\"text\" is not a string");
            }
            if (id == null) {
                return defaultId == null
                        ? new Input(line, String.valueOf(line), JsonNodeFactory.instance.numberNode(line), body.asText(),
                                null)
                        : new Input(line, defaultId, JsonNodeFactory.instance.textNode(defaultId), body.asText(), null);
            }
            return new Input(line, id.asText(), id, body.asText(), null);
        } catch (JsonProcessingException e) {
            return bad(line, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a parser over a String does no I/O
        }
    }

    /**
     * Reads UTF-8 lines as bytes and decodes each on its own, so one line of invalid UTF-8 is reported
     * and skipped instead of ending the run.
     */
    public static final class LineSource implements java.io.Closeable {
        private final java.io.InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        private final java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        public LineSource(java.io.InputStream in) {
            this.in = in;
        }

        /**
         * The next line without its terminator; null at the end; {@link MalformedLine} (a CharacterCodingException)
         * for bad UTF-8.
         */
        public String readLine() throws IOException {
            line.reset();
            boolean any = false;
            while (true) {
                if (position >= limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? decode() : null;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                line.write(buffer, start, position - start);
                if (position < limit) {
                    position++;
                    return decode();
                }
            }
        }

        private String decode() throws CharacterCodingException {
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            // Drop a UTF-8 byte order mark at the very start.
            int offset = length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            if (line.size() > 1 << 20) {
                line = new java.io.ByteArrayOutputStream(256);
            }
            try {
                return decoder.decode(java.nio.ByteBuffer.wrap(bytes, offset, length - offset)).toString();
            } catch (CharacterCodingException e) {
                throw new MalformedLine(new String(bytes, offset, length - offset, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * A line that is not valid UTF-8. {@link #replaced()} is the line with each malformed sequence replaced by U+FFFD,
     * so that a reader can still find where a record that spans lines ends (quotes and commas are ASCII).
     */
    public static final class MalformedLine extends CharacterCodingException {
        private final transient String replaced;

        MalformedLine(String replaced) {
            this.replaced = replaced;
        }

        /** The line with each malformed sequence replaced by U+FFFD. */
        public String replaced() {
            return replaced;
        }

        @Override
        public String getMessage() {
            return "is not valid UTF-8";
        }
    }

    /**
     * Where a run writes: a new file beside the output, moved over it (atomically where the file system can) only when
     * the run finishes, so a run that fails leaves an existing output as it was and no partial or header-only one in
     * its place. A symbolic link or a special file ({@code /dev/stdout}, {@code /dev/full}) is written in place, as
     * before, and so is an output whose directory does not let the command create a file beside it.
     */
    static final class OutputFile {
        private final Path target;
        private final Path written;

        private OutputFile(Path target, Path written) {
            this.target = target;
            this.written = written;
        }

        static OutputFile open(Path out) throws IOException {
            // A file the user may not write stays refused ("permission denied"), not replaced.
            if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && (!Files.isRegularFile(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(out))) {
                return new OutputFile(out, out);
            }
            Path directory = out.toAbsolutePath().getParent();
            java.util.random.RandomGenerator random = new java.util.SplittableRandom();
            while (true) {
                Path temporary = directory.resolve("." + out.getFileName() + "." + Long.toHexString(random.nextLong())
                        + ".tmp");
                try {
                    Files.createFile(temporary); // the mode a new output gets: 0666 less the umask
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    continue;
                } catch (java.nio.file.AccessDeniedException e) {
                    return new OutputFile(out, out);
                }
                temporary.toFile().deleteOnExit(); // Ctrl+C leaves no temporary file behind
                if (Files.exists(out) && sharedOrForeign(out, temporary)) {
                    // A rename would change more than the content of a file with other hard links, or of another
                    // owner's file: written in place, as before.
                    Files.delete(temporary);
                    return new OutputFile(out, out);
                }
                if (Files.exists(out)) {
                    try {
                        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(out));
                    } catch (UnsupportedOperationException | IOException e) {
                        // not a POSIX file system, or not ours to change: the new file keeps the default mode
                    }
                }
                return new OutputFile(out, temporary);
            }
        }

        /** Whether the output has other hard links, or another owner than a file this process creates. */
        private static boolean sharedOrForeign(Path out, Path ours) {
            try {
                if (!Files.getOwner(out).equals(Files.getOwner(ours))) {
                    return true;
                }
                Object links = Files.getAttribute(out, "unix:nlink");
                return links instanceof Number n && n.intValue() > 1;
            } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
                return false; // no owners or link counts here
            }
        }

        /** The file the run writes to. */
        Path written() {
            return written;
        }

        /** Puts the written file in the output's place. */
        void commit() throws IOException {
            if (written.equals(target)) {
                return;
            }
            try {
                // On disk before the rename: after a crash the output is the old file or the whole new one.
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(written,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(written, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(written, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                discard();
                throw e;
            }
        }

        /** Deletes the written file of a failed run; the output stays as it was. */
        void discard() {
            if (!written.equals(target)) {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException e) {
                    // deleteOnExit tries again
                }
            }
        }
    }

    /** Reads records one at a time; a record that cannot be read carries an error instead of a text. */
    private interface RecordReader {
        Input next() throws IOException;
    }

    private static final class JsonlRecords implements RecordReader {
        private final LineSource reader;
        private long line;

        JsonlRecords(LineSource reader) {
            this.reader = reader;
        }

        @Override
        public Input next() throws IOException {
            String text;
            do {
                line++;
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    return bad(line, "is not valid UTF-8");
                }
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            return readJsonLine(text, line);
        }
    }

    /**
     * RFC 4180 CSV with a header naming an {@code id} (optional) and a {@code text} column; quoted fields
     * may span lines, and records are reported by the line they start on, counting every line of the file (blank
     * ones, the header, bad UTF-8) from 1, as JSONL does. A line of bad UTF-8 makes its whole record bad; the record
     * still ends where its quotes say, so the next one is read from its own start.
     */
    private static final class CsvRecords implements RecordReader {
        private final LineSource reader;
        private final Path file;
        /** Lines read so far. */
        private long line;
        /** The line the record last read starts on. */
        private long start;
        /** The first line of the record last read that is not valid UTF-8, or 0. */
        private long malformedLine;
        private int idColumn = -1;
        private int textColumn = -1;
        private int columns;
        private boolean headerRead;

        CsvRecords(LineSource reader, Path file) {
            this.reader = reader;
            this.file = file;
        }

        @Override
        public Input next() throws IOException {
            if (!headerRead) {
                headerRead = true;
                readHeader();
                if (columns == 0) {
                    return null;
                }
            }
            List<String> fields;
            try {
                fields = readFields();
            } catch (MalformedCsv e) {
                return bad(start, e.getMessage());
            }
            if (fields == null) {
                return null;
            }
            if (malformedLine > 0) {
                return bad(start, malformedLine == start ? "is not valid UTF-8"
                        : "is not valid UTF-8 (line " + malformedLine + ")");
            }
            if (fields.size() != columns) {
                return bad(start, "has " + fields.size() + " fields, the header has " + columns);
            }
            String id = idColumn >= 0 ? fields.get(idColumn) : String.valueOf(start);
            return new Input(start, id, null, fields.get(textColumn), null);
        }

        /** Reads the header's columns; none for an empty file. A header that cannot be read fails the run. */
        private void readHeader() throws IOException {
            List<String> header;
            try {
                header = readFields();
            } catch (MalformedCsv e) {
                throw new IOException(file + ": the CSV header (line " + start + ") " + e.getMessage());
            }
            if (header == null) {
                return;
            }
            if (malformedLine > 0) {
                throw new IOException(file + ": the CSV header (line " + malformedLine + ") is not valid UTF-8");
            }
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).trim().toLowerCase(Locale.ROOT);
                if (name.equals("id")) {
                    idColumn = i;
                } else if (name.equals("text")) {
                    textColumn = i;
                }
            }
            if (textColumn < 0) {
                throw new IOException(file + ": the CSV header (line " + start + ") has no \"text\" column: "
                        + String.join(",", header));
            }
            columns = header.size();
        }

        private static final class MalformedCsv extends IOException {
            MalformedCsv(String message) {
                super(message);
            }
        }

        /** The next line, with bad UTF-8 replaced and remembered; null at the end of the input. */
        private String readLine() throws IOException {
            String next;
            try {
                next = reader.readLine();
            } catch (MalformedLine e) {
                next = e.replaced();
                if (malformedLine == 0) {
                    malformedLine = line + 1;
                }
            }
            if (next != null) {
                line++;
            }
            return next;
        }

        /** The fields of the next record, skipping blank lines; null at the end of the input. */
        private List<String> readFields() throws IOException {
            malformedLine = 0;
            String first;
            do {
                first = readLine();
                if (first == null) {
                    return null;
                }
            } while (first.isEmpty());
            start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String current = first;
            int i = 0;
            boolean quoted = false;
            boolean fieldStart = true;
            while (true) {
                if (i >= current.length()) {
                    if (quoted) {
                        String next = readLine();
                        if (next == null) {
                            throw new MalformedCsv("has a quoted field that never ends");
                        }
                        field.append('\n');
                        current = next;
                        i = 0;
                        continue;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                char c = current.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < current.length() && current.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else {
                    field.append(c);
                    fieldStart = false;
                }
            }
        }
    }
}
