package dev.safespeak.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's entry point: {@code bounded --in DIR --out DIR [--model FILE]} or {@code stream --bootstrap-servers
 * HOST:PORT --input-topic T --output-topic T [--rejected-topic T] [--group-id G] [--lists FILE] [--model FILE]
 * [--checkpoint-millis N]}. Run it with {@code flink run} on a cluster or with {@code java -cp} locally (Flink then
 * starts an embedded cluster with one slot per core, or {@code --parallelism N}). The arguments, paths and lists are
 * checked before the job is submitted: a problem is one line on stderr and exit status 1.
 */
public final class ScoringJob {

    /** Exit status: the job ran (bad records included: they never fail it), or usage was asked for. */
    static final int OK = 0;
    /** Exit status: bad arguments, or a path or the lists file the job needs is wrong; nothing was submitted. */
    static final int FAILED = 1;

    static final String USAGE = """
            usage: bounded --in FILE|DIR --out DIR [--model FILE] [--parallelism N]
                   stream --bootstrap-servers HOST:PORT --input-topic T --output-topic T [--rejected-topic T]
                          [--group-id G] [--lists FILE] [--model FILE] [--checkpoint-millis N] [--parallelism N]""";

    private static final String PREFIX = "safespeak-flink: ";
    private static final Set<String> HELP = Set.of("-h", "--help");
    private static final Set<String> BOUNDED = Set.of("in", "out", "model", "parallelism");
    private static final Set<String> STREAM = Set.of("bootstrap-servers", "input-topic", "output-topic",
            "rejected-topic", "group-id", "lists", "model", "checkpoint-millis", "parallelism");

    private ScoringJob() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out, System.err, StreamExecutionEnvironment::getExecutionEnvironment);
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Checks the arguments and what they name, builds the job into the environment and runs it; returns the exit
     * status. A bounded run ends with a line like the {@code score} command's: texts scored, bad records skipped and
     * where both are.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<StreamExecutionEnvironment> environment)
            throws Exception {
        if (helpAsked(args)) {
            out.println(USAGE);
            return OK;
        }
        StreamExecutionEnvironment env;
        String name;
        Map<String, String> options;
        try {
            options = options(args);
            check(args[0], options, err);
            env = environment.get();
            name = configure(env, args[0], options);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            return FAILED;
        }
        JobExecutionResult result = env.execute(name);
        if (!result.isJobExecutionResult()) {
            err.println(name + " submitted (detached): " + result.getJobID());
        } else if (args[0].equals("bounded")) {
            err.println(summaryLine(options.get("out"), result.getNetRuntime()));
        } else {
            err.printf(Locale.ROOT, "%s finished in %.1f s%n", name, result.getNetRuntime() / 1000.0);
        }
        return OK;
    }

    /** Builds the job the arguments ask for into the environment; returns the job's name. */
    static String configure(StreamExecutionEnvironment env, String[] args) {
        Map<String, String> options = options(args);
        return configure(env, args[0], options);
    }

    private static String configure(StreamExecutionEnvironment env, String job, Map<String, String> options) {
        if (options.containsKey("parallelism")) {
            env.setParallelism(positive(options.get("parallelism"), "--parallelism"));
        }
        if (job.equals("bounded")) {
            BoundedScoringJob.build(env, boundedSettings(options));
            return "safespeak-bounded";
        }
        StreamingScoringJob.build(env, streamSettings(options));
        return "safespeak-stream";
    }

    /** The checks that need the file systems, before anything is built; notes (hidden files) go to stderr. */
    private static void check(String job, Map<String, String> options, PrintStream err) {
        if (options.containsKey("parallelism")) {
            positive(options.get("parallelism"), "--parallelism");
        }
        if (job.equals("bounded")) {
            BoundedScoringJob.Settings settings = boundedSettings(options);
            SetupChecks.input(settings.in());
            SetupChecks.output(settings.out(), settings.in());
            SetupChecks.model(settings.modelPath());
            String note = SetupChecks.hiddenNote(settings.in(), SetupChecks.hiddenFiles(settings.in()));
            if (note != null) {
                err.println(PREFIX + note);
            }
        } else {
            // the lists file is read and checked when the job is built (its text ships with the job)
            SetupChecks.model(streamSettings(options).modelPath());
        }
    }

    private static BoundedScoringJob.Settings boundedSettings(Map<String, String> options) {
        return new BoundedScoringJob.Settings(options.get("in"), options.get("out"), options.get("model"));
    }

    private static StreamingScoringJob.Settings streamSettings(Map<String, String> options) {
        String output = options.get("output-topic");
        return new StreamingScoringJob.Settings(options.get("bootstrap-servers"),
                options.get("input-topic"), output,
                options.getOrDefault("rejected-topic", output == null ? null : output + "-rejected"),
                options.getOrDefault("group-id", "safespeak-scoring"), options.get("lists"), options.get("model"),
                positive(options.getOrDefault("checkpoint-millis", "10000"), "--checkpoint-millis"));
    }

    /** Whether {@code -h} or {@code --help} stands where the job or an option's name would. */
    private static boolean helpAsked(String[] args) {
        if (args.length > 0 && HELP.contains(args[0])) {
            return true;
        }
        for (int i = 1; i < args.length; i += 2) {
            if (HELP.contains(args[i])) {
                return true;
            }
        }
        return false;
    }

    /** The options after the job's name; each known to that job, with a value, and given once. */
    static Map<String, String> options(String[] args) {
        if (args.length == 0 || !(args[0].equals("bounded") || args[0].equals("stream"))) {
            throw new IllegalArgumentException("the first argument must be bounded or stream\n" + USAGE);
        }
        Set<String> known = args[0].equals("bounded") ? BOUNDED : STREAM;
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option " + args[i] + " for " + args[0] + "\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (options.put(key, args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " is given twice");
            }
        }
        return options;
    }

    /** The bounded run's last line: what was scored and skipped, and where the results and rejections are. */
    static String summaryLine(String out, long millis) {
        Path dir = new Path(out);
        Path file = new Path(dir, BoundedScoringJob.SUMMARY);
        JsonNode summary;
        try (InputStream in = file.getFileSystem().open(file)) {
            summary = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            return String.format(Locale.ROOT, "safespeak-bounded finished in %.1f s, but %s cannot be read: %s",
                    millis / 1e3, file, SetupChecks.oneLine(e));
        }
        long texts = summary.path("texts").asLong();
        long rejected = summary.path("rejected").asLong();
        return String.format(Locale.ROOT, "scored %,d texts, skipped %,d bad %s%s, in %.1f s -> %s", texts, rejected,
                rejected == 1 ? "record" : "records",
                rejected == 0 ? "" : " (listed in " + new Path(dir, BoundedScoringJob.REJECTED) + ")", millis / 1e3,
                new Path(dir, BoundedScoringJob.RESULTS));
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive number, not " + value);
    }
}
