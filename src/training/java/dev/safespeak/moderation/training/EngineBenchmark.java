package dev.safespeak.moderation.training;

import dev.safespeak.moderation.engine.Classifier;
import dev.safespeak.moderation.engine.EngineComponents;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.ModerationEngine;
import dev.safespeak.moderation.engine.TenantLists;

import dev.safespeak.moderation.ModerationRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The in-process engine benchmark (a command, not a test): scores generated short, medium and long texts
 * with and without language detection, on one thread and on every core, and measures the heap after start.
 * Run it with {@code bench/engine.sh}, which also runs the obscenity lexicon filter on the same texts.
 * Besides wall-clock throughput it reports the scoring threads' own CPU time per text, which other load
 * on the machine disturbs much less; "texts/s per busy core" is its inverse.
 * Usage: {@code EngineBenchmark <texts-dir> <seconds-per-case>}; it writes the texts it generated to
 * {@code <texts-dir>/{short,medium,long}.txt} (one JSON string per line) and prints a Markdown table.
 */
public final class EngineBenchmark {

    private static final String[] WORDS = ("you are such a stupid idiot and I hate this game but the weather is nice "
            + "today we should meet friends again tomorrow please stop trolling everyone here thanks for the help "
            + "eres un idiota pero hoy hace buen tiempo du bist so dumm aber das Wetter ist schön "
            + "tu es vraiment nul mais merci quand même sen çok aptalsın ama hava güzel").split(" ");
    private static final String[] NON_LATIN = {"너 정말 바보 같아", "你真是个笨蛋", "Είσαι πολύ ηλίθιος",
            "तुम बहुत बेवकूफ हो", "أنت غبي جدا", "ты очень глупый человек"};

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        Classifier classifier = EngineComponents.modelLoader().loadDefault();
        LanguageIdentifier languages = LanguageIdentifier.of(LanguageIdentifier.DEFAULT_LANGUAGES);
        ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(), languages,
                ModerationEngine.Listener.NONE);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long heap = heapAfterGc();

        Random random = new Random(42);
        Map<String, List<String>> sets = new java.util.LinkedHashMap<>();
        sets.put("short", generate(random, 2_000, 20, 100));
        sets.put("medium", generate(random, 500, 900, 1_100));
        sets.put("long", generate(random, 40, 19_000, 20_000));
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            List<String> lines = new ArrayList<>();
            for (String text : e.getValue()) {
                lines.add(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text));
            }
            Files.write(dir.resolve(e.getKey() + ".txt"), lines);
        }

        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder table = new StringBuilder();
        table.append("| texts | language detection | threads | texts/s (wall clock) | CPU µs/text | texts/s per busy core |\n"
                + "|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            for (boolean detect : new boolean[] {true, false}) {
                for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    Rate rate = run(engine, classifier, e.getValue(), detect, threads, seconds);
                    table.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.1f | %,.0f |%n", e.getKey(),
                            detect ? "on" : "off", threads, rate.perSecond(), rate.cpuMicrosPerText(),
                            1e6 / rate.cpuMicrosPerText()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "model %s, %d languages, loaded in %.1f s; heap after start (after GC): %d MiB;"
                        + " max heap %d MiB; %d cores; Java %s%n%n", classifier.version(), languages.supported().size(),
                loadSeconds, heap >> 20, Runtime.getRuntime().maxMemory() >> 20, cores,
                System.getProperty("java.version"));
        System.out.print(table);
    }

    /** Texts per wall-clock second over all threads, and the scoring threads' CPU time per text. */
    record Rate(double perSecond, double cpuMicrosPerText) {
    }

    private static Rate run(ModerationEngine engine, Classifier classifier, List<String> texts, boolean detect,
                              int threads, double seconds) throws Exception {
        ModerationRequest template = new ModerationRequest(List.of("x"), Set.of(), List.of(), false, Map.of(), null, null);
        ModerationEngine.Options options = ModerationEngine.Options.of(template, classifier, engine.languages(), detect);
        // Warm up for a third of the measured time, then measure.
        timed(engine, classifier, texts, options, threads, seconds / 3);
        return timed(engine, classifier, texts, options, threads, seconds);
    }

    private static Rate timed(ModerationEngine engine, Classifier classifier, List<String> texts,
                              ModerationEngine.Options options, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            futures.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long n = 0;
                int i = offset;
                while (System.nanoTime() < deadline) {
                    engine.score(texts.get(i++ % texts.size()), options, classifier, TenantLists.EMPTY);
                    n++;
                }
                return new long[] {n, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            total += r[0];
            cpuNanos += r[1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Rate(total / elapsed, cpuNanos / 1e3 / total);
    }

    private static List<String> generate(Random random, int count, int minChars, int maxChars) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int target = minChars + random.nextInt(maxChars - minChars + 1);
            StringBuilder b = new StringBuilder();
            boolean nonLatin = random.nextInt(10) == 0;
            while (b.length() < target) {
                String word = nonLatin ? NON_LATIN[random.nextInt(NON_LATIN.length)] : WORDS[random.nextInt(WORDS.length)];
                if (b.length() + word.length() + 1 > maxChars) {
                    break;
                }
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(word);
            }
            if (b.length() == 0) {
                b.append(WORDS[0]);
            }
            texts.add(b.toString());
        }
        return texts;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
