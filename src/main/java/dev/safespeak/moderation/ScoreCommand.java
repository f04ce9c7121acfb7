package dev.safespeak.moderation;

import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.ByoModel;
import dev.safespeak.moderation.engine.Classifier;
import dev.safespeak.moderation.engine.EncoderClassifier;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.EngineComponents;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.ModelLoader;
import dev.safespeak.moderation.engine.ModerationEngine;
import dev.safespeak.moderation.engine.OfflineScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline {@code score} command: scores a JSONL or CSV file with the engine the service uses, without
 * starting Spring or the web server. {@code SafeSpeakApplication.main} dispatches {@code score} here.
 */
public final class ScoreCommand {

    /** Exit status: every record scored. */
    public static final int OK = 0;
    /** Exit status: bad arguments, or the input is missing or unreadable. */
    public static final int FAILED = 1;
    /** Exit status: the run finished but skipped bad records (each reported on stderr). */
    public static final int SKIPPED_RECORDS = 2;

    static final String USAGE = """
            usage: score --in FILE --out FILE [--format jsonl|csv] [--spans] [--model FILE] [--threads N]
                          [--languages en,de,...] [--mode fast|accurate|balanced] [--heads FILE] [--byo FILE]
                          [--thresholds TOXICITY=0.7,INSULT=0.56,...]
              --in        input: JSON lines {"id": ..., "text": ...} or CSV with a header naming id and text
              --out       output: one line per scored record with every attribute's score, flags, language,
                          model version, the engine that scored it (and spans with --spans)
              --format    format of both files; by default each file's extension decides (.csv is CSV)
              --spans     also write the character spans that drove each score
              --model     a model artifact file to score with instead of the committed default (in modes
                          accurate and balanced, English and Chinese texts keep the n-gram model the heads
                          were fitted against when it ships beside them)
              --threads   scoring threads (default: the number of cores)
              --languages ISO 639-1 codes to detect (default: the training languages)
              --mode      fast (n-gram model, the default), accurate (sentence encoder for the languages it
                          covers, n-gram elsewhere) or balanced (encoder only where the n-gram model is unsure)
              --heads     accurate/balanced: an encoder heads file instead of the committed one; none for
                          no encoder (then --byo alone is the accurate engine)
              --byo       accurate/balanced: a bring-your-own model descriptor (see
                          docs/guide/bring-your-own-model.md); it scores the languages it declares
              --thresholds flag thresholds (0 to 1) that replace the engines' own for the attributes named, as
                          a request's thresholds (docs/reports/low-fp-thresholds.md has a set for mostly harmless
                          traffic)
            exit status: 0 all scored, 1 failed, 2 finished but skipped bad records""";

    /** The committed encoder heads, on the classpath. */
    static final String DEFAULT_HEADS = "models/default/encoder-heads.json";

    private ScoreCommand() {
    }

    /** Runs the command with the arguments after {@code score}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path in = null;
        Path outFile = null;
        String format = null;
        boolean spans = false;
        Path model = null;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> languages = LanguageIdentifier.DEFAULT_LANGUAGES;
        Mode mode = Mode.FAST;
        Path heads = null;
        boolean noHeads = false;
        Path byo = null;
        Map<Attribute, Double> thresholds = Map.of();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--in" -> in = Path.of(value(args, ++i, arg));
                    case "--out" -> outFile = Path.of(value(args, ++i, arg));
                    case "--format" -> format = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    case "--spans" -> spans = true;
                    case "--model" -> model = Path.of(value(args, ++i, arg));
                    case "--threads" -> threads = parseThreads(value(args, ++i, arg));
                    case "--languages" -> languages = Arrays.stream(value(args, ++i, arg).split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).toList();
                    case "--mode" -> mode = parseMode(value(args, ++i, arg));
                    case "--heads" -> {
                        String value = value(args, ++i, arg);
                        noHeads = value.equals("none");
                        heads = noHeads ? null : Path.of(value);
                    }
                    case "--byo" -> byo = Path.of(value(args, ++i, arg));
                    case "--thresholds" -> thresholds = parseThresholds(value(args, ++i, arg));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return OK;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (in == null || outFile == null) {
                throw new IllegalArgumentException("--in and --out are required");
            }
            if (format != null && !format.equals("jsonl") && !format.equals("csv")) {
                throw new IllegalArgumentException("--format must be jsonl or csv, not " + format);
            }
            if (mode == Mode.FAST && (heads != null || noHeads || byo != null)) {
                throw new IllegalArgumentException("--heads and --byo need --mode accurate or balanced");
            }
        } catch (IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.println(USAGE);
            return FAILED;
        }
        String unreadable = unreadable("input", in);
        if (unreadable != null) {
            err.println("score: " + unreadable);
            return FAILED;
        }
        String unwritable = unwritable(in, outFile, model, heads, byo);
        if (unwritable != null) {
            err.println("score: " + unwritable);
            return FAILED;
        }
        for (Path file : new Path[] {model, heads, byo}) {
            unreadable = file == null ? null
                    : unreadable(file == model ? "model" : file == heads ? "heads" : "bring-your-own model", file);
            if (unreadable != null) {
                err.println("score: " + unreadable);
                return FAILED;
            }
        }
        AccurateModels accurate = null;
        try {
            long started = System.nanoTime();
            // The language tables load on a thread of their own while the model loads here.
            LanguageIdentifier identifier = LanguageIdentifier.of(languages);
            ModelLoader loader = EngineComponents.modelLoader();
            Classifier classifier = model == null ? loader.loadDefault() : load(loader, model);
            if (mode != Mode.FAST) {
                long encoderStarted = System.nanoTime();
                try {
                    accurate = AccurateModels.load(noHeads ? null : heads(heads), byo == null ? null : byo(byo), 1);
                } catch (LinkageError e) {
                    throw new IllegalStateException("mode " + mode.id() + " is unavailable: "
                            + AccurateEngine.nativeLibraryProblem(e), e);
                }
                EncoderClassifier.blendMismatch(classifier, accurate)
                        .ifPresent(problem -> err.println("score: warning: " + problem));
                classifier = new EncoderClassifier(classifier, accurate, mode == Mode.BALANCED);
                err.printf(Locale.ROOT, "%s mode: %s loaded in %.1f s%n", mode.id(), accurate.describe(),
                        (System.nanoTime() - encoderStarted) / 1e9);
            }
            identifier.awaitLoaded();
            ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(), identifier,
                    ModerationEngine.Listener.NONE);
            err.printf(Locale.ROOT, "model %s and %d languages loaded in %.1f s%n", classifier.version(),
                    identifier.supported().size(), (System.nanoTime() - started) / 1e9);
            OfflineScorer.Format inFormat = format == null ? OfflineScorer.formatOf(in)
                    : OfflineScorer.Format.valueOf(format.toUpperCase(Locale.ROOT));
            OfflineScorer.Format outFormat = format == null ? OfflineScorer.formatOf(outFile)
                    : OfflineScorer.Format.valueOf(format.toUpperCase(Locale.ROOT));
            OfflineScorer.Summary summary = new OfflineScorer(engine, classifier, err)
                    .run(new OfflineScorer.Settings(in, outFile, inFormat, outFormat, spans, threads, thresholds));
            err.printf(Locale.ROOT, "scored %,d texts, skipped %,d bad records, in %.1f s (%,d texts/s) -> %s%n",
                    summary.scored(), summary.skipped(), summary.millis() / 1e3,
                    summary.millis() == 0 ? summary.scored() : summary.scored() * 1000 / summary.millis(), outFile);
            return summary.skipped() > 0 ? SKIPPED_RECORDS : OK;
        } catch (IOException | RuntimeException e) {
            err.println("score: " + describe(e));
            return FAILED;
        } finally {
            if (accurate != null) {
                accurate.close();
            }
        }
    }

    /**
     * Parses {@code --thresholds}: comma-separated {@code ATTRIBUTE=value} pairs, each attribute once (any case), each
     * value a number from 0 to 1.
     */
    static Map<Attribute, Double> parseThresholds(String value) {
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        for (String pair : value.split(",", -1)) {
            String[] parts = pair.trim().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("--thresholds takes ATTRIBUTE=value pairs separated by commas, not '"
                        + pair.trim() + "'");
            }
            Attribute attribute;
            try {
                attribute = Attribute.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--thresholds: " + parts[0].trim() + " is not an attribute (one of "
                        + Arrays.toString(Attribute.values()) + ")");
            }
            double threshold;
            try {
                threshold = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                threshold = Double.NaN;
            }
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("--thresholds: " + attribute + "=" + parts[1].trim()
                        + " is not a number from 0 to 1");
            }
            if (thresholds.put(attribute, threshold) != null) {
                throw new IllegalArgumentException("--thresholds names " + attribute + " twice");
            }
        }
        return Map.copyOf(thresholds);
    }

    /** Why a file the command reads ({@code what}: input, model, ...) cannot be read before it is opened, or null. */
    static String unreadable(String what, Path file) {
        if (Files.isDirectory(file)) {
            return what + " file " + file + " is a directory";
        }
        if (!Files.exists(file)) {
            return what + " file " + file + " does not exist";
        }
        if (!Files.isRegularFile(file)) {
            return what + " file " + file + " is not a regular file";
        }
        return null;
    }

    /**
     * Why {@code out} cannot be written before anything is loaded, or null: it is the input file itself (writing
     * would empty the input before it is read) or one of the files read (model, heads, bring-your-own model), a
     * directory, or in a directory that does not exist.
     */
    static String unwritable(Path in, Path out, Path... read) {
        if (Files.exists(out)) {
            try {
                if (Files.isSameFile(in, out)) {
                    return "--out " + out + " is the input file: scoring would overwrite it before reading it; write"
                            + " to another file";
                }
                for (Path file : read) {
                    if (file != null && Files.exists(file) && Files.isSameFile(file, out)) {
                        return "--out " + out + " is a file the command reads (" + file + "): write to another file";
                    }
                }
            } catch (IOException e) {
                return "cannot compare --out " + out + " with the files read: " + describe(e);
            }
        }
        if (Files.isDirectory(out)) {
            return "cannot write --out " + out + ": it is a directory";
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            return "cannot write --out " + out + ": " + parent + " is a file, not a directory";
        }
        if (parent != null && !Files.isDirectory(parent)) {
            return "cannot write --out " + out + ": directory " + parent + " does not exist";
        }
        return null;
    }

    /** An exception as a sentence: a file-system error names its cause, not only the path as its message does. */
    static String describe(Exception e) {
        return dev.safespeak.base.CommandContexts.describe(e);
    }

    /** The heads file given, or the committed one. */
    private static EncoderHeads heads(Path file) throws IOException {
        try (InputStream in = file != null ? Files.newInputStream(file)
                : ScoreCommand.class.getClassLoader().getResourceAsStream(DEFAULT_HEADS)) {
            if (in == null) {
                throw new IllegalArgumentException("the committed encoder heads " + DEFAULT_HEADS
                        + " are not on the classpath; give --heads");
            }
            return EncoderHeads.read(in);
        }
    }

    private static ByoModel byo(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ByoModel.read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--byo " + file + ": " + e.getMessage(), e);
        }
    }

    private static Mode parseMode(String value) {
        try {
            return Mode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode: " + e.getMessage());
        }
    }

    private static Classifier load(ModelLoader loader, Path model) throws IOException {
        try (InputStream in = Files.newInputStream(model)) {
            return loader.load(in);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parseThreads(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("--threads must be between 1 and 64, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threads must be a number, not " + value);
        }
    }
}
