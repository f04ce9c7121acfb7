package dev.safespeak.moderation.training;

import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.Classifier;
import dev.safespeak.moderation.engine.EncoderClassifier;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.EngineComponents;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.ModerationEngine;
import dev.safespeak.moderation.engine.TenantLists;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The modes benchmark (a command, not a test): the fast, accurate and balanced modes on generated short texts, in
 * process, with the committed n-gram model and encoder heads. Measures the encoder's start-up cost, the heap and the
 * process's resident memory with both engines loaded, throughput on one thread and on every core (wall clock and the
 * scoring threads' CPU time per text, which other load disturbs much less), the share of texts balanced mode sends
 * to the encoder, and single-text latency percentiles on one thread. Run it with {@code bench/modes.sh}.
 * Usage: {@code ModesBenchmark <seconds-per-case>}; prints Markdown.
 */
public final class ModesBenchmark {

    private static final String[] ENGLISH = ("you are such a stupid idiot and I hate this game but the weather is "
            + "nice today we should meet friends again tomorrow please stop trolling everyone here thanks for the "
            + "help what a great idea I disagree with you completely shut up nobody asked for your opinion that was "
            + "a really kind thing to say go away loser I will find you this is the best day ever").split(" ");
    private static final String[] OTHER = ("eres un idiota pero hoy hace buen tiempo du bist so dumm aber das Wetter "
            + "ist schön tu es vraiment nul mais merci quand même sen çok aptalsın ama hava güzel").split(" ");
    private static final String[] NON_LATIN = {"너 정말 바보 같아", "你真是个笨蛋", "Είσαι πολύ ηλίθιος",
            "तुम बहुत बेवकूफ हो", "ты очень глупый человек"};

    private ModesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long t0 = System.nanoTime();
        Classifier fast = EngineComponents.modelLoader().loadDefault();
        LanguageIdentifier languages = LanguageIdentifier.of(LanguageIdentifier.DEFAULT_LANGUAGES);
        ModerationEngine engine = new ModerationEngine(EngineComponents.analyser(), languages,
                ModerationEngine.Listener.NONE);
        double fastLoad = (System.nanoTime() - t0) / 1e9;
        long heapFast = heapAfterGc();
        long rssFast = residentBytes();

        long t1 = System.nanoTime();
        EncoderHeads heads;
        try (InputStream in = ModesBenchmark.class.getClassLoader()
                .getResourceAsStream("models/default/encoder-heads.json")) {
            heads = EncoderHeads.read(in);
        }
        AccurateModels accurate = AccurateModels.load(heads, null, 1);
        double encoderLoad = (System.nanoTime() - t1) / 1e9;
        Map<String, Classifier> modes = new LinkedHashMap<>();
        modes.put("fast", fast);
        modes.put("accurate", new EncoderClassifier(fast, accurate, false));
        modes.put("balanced", new EncoderClassifier(fast, accurate, true));
        // First calls allocate ONNX Runtime's buffers; measure memory after them.
        for (Classifier c : modes.values()) {
            score(engine, c, "you are an idiot and nobody likes you");
        }
        long heapBoth = heapAfterGc();
        long rssBoth = residentBytes();

        Random random = new Random(42);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("short English", generate(random, 2_000, 20, 100, 1.0));
        sets.put("short mixed (40% English)", generate(random, 2_000, 20, 100, 0.4));

        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Fast model %s and %d language profiles loaded in %.1f s; encoder heads "
                        + "%s (%s) loaded in %.1f s (the accurate engine's start-up cost: two ONNX Runtime sessions).%n%n",
                fast.version(), languages.supported().size(), fastLoad, heads.version(), accurate.describe(),
                encoderLoad));
        out.append("| memory (after GC) | fast model only | both engines loaded |\n|---|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| Java heap used | %d MiB | %d MiB |%n", heapFast >> 20, heapBoth >> 20));
        out.append(String.format(Locale.ROOT, "| process resident (RSS, includes ONNX Runtime's native memory) | %s | %s |%n",
                mib(rssFast), mib(rssBoth)));
        out.append(String.format(Locale.ROOT, "%nMax heap %d MiB; %d cores; Java %s.%n%n",
                Runtime.getRuntime().maxMemory() >> 20, cores, System.getProperty("java.version")));

        out.append("## Throughput\n\n| texts | mode | threads | texts/s (wall clock) | CPU µs/text | texts/s per busy core | "
                + "scored by the encoder |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<String>> set : sets.entrySet()) {
            for (Map.Entry<String, Classifier> mode : modes.entrySet()) {
                for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    Rate rate = run(engine, mode.getValue(), set.getValue(), threads, seconds);
                    out.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %,.0f | %,.0f | %.1f%% |%n",
                            set.getKey(), mode.getKey(), threads, rate.perSecond(), rate.cpuMicrosPerText(),
                            1e6 / rate.cpuMicrosPerText(), 100.0 * rate.encoderShare()));
                }
            }
        }

        out.append("\n## Single-text latency, one thread, short English texts\n\n");
        out.append("Wall clock is what a caller waits on this machine as it was (other jobs share the cores); CPU is the "
                + "scoring thread's own CPU time for the same call (ONNX Runtime runs on the calling thread with one "
                + "intra-op thread), which is what the call costs on a quiet core, without waiting for one.\n\n");
        out.append("| mode | texts | wall P50 ms | wall P95 ms | wall P99 ms | wall max ms | CPU P50 ms | CPU P95 ms | "
                + "CPU P99 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> shortEnglish = sets.get("short English");
        ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, Classifier> mode : modes.entrySet()) {
            int n = Math.min(shortEnglish.size(), 1_000);
            for (int i = 0; i < n / 5; i++) {
                score(engine, mode.getValue(), shortEnglish.get(i));
            }
            double[] millis = new double[n];
            double[] cpuMillis = new double[n];
            for (int i = 0; i < n; i++) {
                long c = threadCpu.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                score(engine, mode.getValue(), shortEnglish.get(i));
                millis[i] = (System.nanoTime() - s) / 1e6;
                cpuMillis[i] = (threadCpu.getCurrentThreadCpuTime() - c) / 1e6;
            }
            Arrays.sort(millis);
            Arrays.sort(cpuMillis);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    mode.getKey(), n, pct(millis, 0.50), pct(millis, 0.95), pct(millis, 0.99), millis[n - 1],
                    pct(cpuMillis, 0.50), pct(cpuMillis, 0.95), pct(cpuMillis, 0.99)));
        }
        System.out.print(out);
        accurate.close();
    }

    private static final ModerationRequest TEMPLATE = new ModerationRequest(List.of("x"), Set.of(), List.of(), false,
            Map.of(), null, null);

    private static TextScore score(ModerationEngine engine, Classifier classifier, String text) {
        ModerationEngine.Options options = ModerationEngine.Options.of(TEMPLATE, classifier, engine.languages(), true);
        return engine.score(text, options, classifier, TenantLists.EMPTY);
    }

    /** Texts per wall-clock second, CPU time per text, and the share of texts the encoder scored. */
    record Rate(double perSecond, double cpuMicrosPerText, double encoderShare) {
    }

    private static Rate run(ModerationEngine engine, Classifier classifier, List<String> texts, int threads,
                            double seconds) throws Exception {
        timed(engine, classifier, texts, threads, seconds / 3);
        return timed(engine, classifier, texts, threads, seconds);
    }

    private static Rate timed(ModerationEngine engine, Classifier classifier, List<String> texts, int threads,
                              double seconds) throws Exception {
        ModerationEngine.Options options = ModerationEngine.Options.of(TEMPLATE, classifier, engine.languages(), true);
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
                long encoder = 0;
                int i = offset;
                while (System.nanoTime() < deadline) {
                    TextScore s = engine.score(texts.get(i++ % texts.size()), options, classifier, TenantLists.EMPTY);
                    if (!TextScore.NGRAM.equals(s.engine())) {
                        encoder++;
                    }
                    n++;
                }
                return new long[] {n, cpu.getCurrentThreadCpuTime() - cpuStart, encoder};
            }));
        }
        long total = 0;
        long cpuNanos = 0;
        long encoder = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            total += r[0];
            cpuNanos += r[1];
            encoder += r[2];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Rate(total / elapsed, cpuNanos / 1e3 / total, (double) encoder / total);
    }

    private static List<String> generate(Random random, int count, int minChars, int maxChars, double english) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int target = minChars + random.nextInt(maxChars - minChars + 1);
            double kind = random.nextDouble();
            String[] words = kind < english ? ENGLISH : kind < english + (1 - english) * 0.8 ? OTHER : NON_LATIN;
            StringBuilder b = new StringBuilder();
            while (b.length() < target) {
                String word = words[random.nextInt(words.length)];
                if (b.length() + word.length() + 1 > maxChars) {
                    break;
                }
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(word);
            }
            texts.add(b.length() == 0 ? words[0] : b.toString());
        }
        return texts;
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc/self/status; -1 where there is none. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : (bytes >> 20) + " MiB";
    }
}
