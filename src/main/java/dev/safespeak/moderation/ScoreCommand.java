package dev.safespeak.moderation;

import dev.safespeak.moderation.engine.Classifier;
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
import java.util.List;
import java.util.Locale;

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
                          [--languages en,de,...]
              --in        input: JSON lines {"id": ..., "text": ...} or CSV with a header naming id and text
              --out       output: one line per scored record with every attribute's score, flags, language,
                          model version (and spans with --spans)
              --format    format of both files; by default each file's extension decides (.csv is CSV)
              --spans     also write the character spans that drove each score
              --model     a model artifact file to score with instead of the committed default
              --threads   scoring threads (default: the number of cores)
              --languages ISO 639-1 codes to detect (default: the training languages)
            exit status: 0 all scored, 1 failed, 2 finished but skipped bad records""";

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
        } catch (IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.println(USAGE);
            return FAILED;
        }
        if (!Files.isRegularFile(in)) {
            err.println("score: input file " + in + " does not exist");
            return FAILED;
        }
        if (model != null && !Files.isRegularFile(model)) {
            err.println("score: model file " + model + " does not exist");
            return FAILED;
        }
        try {
            long started = System.nanoTime();
            ModelLoader loader = EngineComponents.modelLoader();
            Classifier classifier = model == null ? loader.loadDefault() : load(loader, model);
            LanguageIdentifier identifier = LanguageIdentifier.of(languages);
            ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(), identifier,
                    ModerationEngine.Listener.NONE);
            err.printf(Locale.ROOT, "model %s and %d languages loaded in %.1f s%n", classifier.version(),
                    identifier.supported().size(), (System.nanoTime() - started) / 1e9);
            OfflineScorer.Format inFormat = format == null ? OfflineScorer.formatOf(in)
                    : OfflineScorer.Format.valueOf(format.toUpperCase(Locale.ROOT));
            OfflineScorer.Format outFormat = format == null ? OfflineScorer.formatOf(outFile)
                    : OfflineScorer.Format.valueOf(format.toUpperCase(Locale.ROOT));
            OfflineScorer.Summary summary = new OfflineScorer(engine, classifier, err)
                    .run(new OfflineScorer.Settings(in, outFile, inFormat, outFormat, spans, threads));
            err.printf(Locale.ROOT, "scored %,d texts, skipped %,d bad records, in %.1f s (%,d texts/s) -> %s%n",
                    summary.scored(), summary.skipped(), summary.millis() / 1e3,
                    summary.millis() == 0 ? summary.scored() : summary.scored() * 1000 / summary.millis(), outFile);
            return summary.skipped() > 0 ? SKIPPED_RECORDS : OK;
        } catch (IOException | RuntimeException e) {
            err.println("score: " + e.getMessage());
            return FAILED;
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
