package dev.safespeak.flink;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's entry point: {@code bounded --in DIR --out DIR [--model FILE]} or {@code stream --bootstrap-servers
 * HOST:PORT --input-topic T --output-topic T [--rejected-topic T] [--group-id G] [--lists FILE] [--model FILE]
 * [--checkpoint-millis N]}. Run it with {@code flink run} on a cluster or with {@code java -cp} locally (Flink then
 * starts an embedded cluster with one slot per core, or {@code --parallelism N}).
 */
public final class ScoringJob {

    static final String USAGE = """
            usage: bounded --in FILE|DIR --out DIR [--model FILE] [--parallelism N]
                   stream --bootstrap-servers HOST:PORT --input-topic T --output-topic T [--rejected-topic T]
                          [--group-id G] [--lists FILE] [--model FILE] [--checkpoint-millis N] [--parallelism N]""";

    private static final Set<String> BOUNDED = Set.of("in", "out", "model", "parallelism");
    private static final Set<String> STREAM = Set.of("bootstrap-servers", "input-topic", "output-topic",
            "rejected-topic", "group-id", "lists", "model", "checkpoint-millis", "parallelism");

    private ScoringJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        String name;
        try {
            name = configure(env, args);
        } catch (IllegalArgumentException e) {
            System.err.println("safespeak-flink: " + e.getMessage());
            System.exit(1);
            return;
        }
        JobExecutionResult result = env.execute(name);
        System.err.printf(Locale.ROOT, "%s finished in %.1f s%n", name, result.getNetRuntime() / 1000.0);
    }

    /** Builds the job the arguments ask for into the environment; returns the job's name. */
    static String configure(StreamExecutionEnvironment env, String[] args) {
        if (args.length == 0 || !(args[0].equals("bounded") || args[0].equals("stream"))) {
            throw new IllegalArgumentException("the first argument must be bounded or stream\n" + USAGE);
        }
        boolean bounded = args[0].equals("bounded");
        Map<String, String> options = options(args, bounded ? BOUNDED : STREAM);
        if (options.containsKey("parallelism")) {
            env.setParallelism(positive(options.get("parallelism"), "--parallelism"));
        }
        if (bounded) {
            BoundedScoringJob.build(env, new BoundedScoringJob.Settings(options.get("in"), options.get("out"),
                    options.get("model")));
            return "safespeak-bounded";
        }
        String output = options.get("output-topic");
        StreamingScoringJob.build(env, new StreamingScoringJob.Settings(options.get("bootstrap-servers"),
                options.get("input-topic"), output,
                options.getOrDefault("rejected-topic", output == null ? null : output + "-rejected"),
                options.getOrDefault("group-id", "safespeak-scoring"), options.get("lists"), options.get("model"),
                positive(options.getOrDefault("checkpoint-millis", "10000"), "--checkpoint-millis")));
        return "safespeak-stream";
    }

    static Map<String, String> options(String[] args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option " + args[i] + " for " + args[0] + "\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(key, args[i + 1]);
        }
        return options;
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
