import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop HTTP load generator for the API benchmark: sends POST requests at a fixed rate from a fixed number of
 * worker threads (the concurrency) and measures each latency from the moment the request was due, so a stalled
 * server shows up in the percentiles instead of silently slowing the load (no coordinated omission).
 *
 * Usage: java LoadGen.java URL BODY_FILE API_KEY RATE_PER_SECOND SECONDS CONCURRENCY [WARMUP_SECONDS]
 * Prints one line: name=value pairs (sent, ok, errors, seconds, throughput, p50_ms, p95_ms, p99_ms, max_ms).
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: java LoadGen.java URL BODY_FILE API_KEY RATE SECONDS CONCURRENCY [WARMUP]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("only 127.0.0.1 may be targeted");
        }
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String key = args[2];
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        run(client, request, rate, warmup, concurrency, false);
        run(client, request, rate, seconds, concurrency, true);
    }

    private static void run(HttpClient client, HttpRequest request, double rate, int seconds, int concurrency,
            boolean report) throws Exception {
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong firstError = new AtomicLong(-1);
        String[] errorSample = new String[1];
        long start = System.nanoTime() + 50_000_000L;
        double intervalNanos = 1e9 / rate;
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread worker = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long due = start + (long) (i * intervalNanos);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                if (firstError.compareAndSet(-1, i)) {
                                    errorSample[0] = response.statusCode() + " " + response.body();
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstError.compareAndSet(-1, i)) {
                                errorSample[0] = e.toString();
                            }
                        }
                        latencies[i] = System.nanoTime() - due;
                    }
                } finally {
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(java.util.Locale.ROOT,
                "sent=%d ok=%d errors=%d seconds=%.1f throughput=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                total, total - errors.get(), errors.get(), elapsed, total / elapsed, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        if (errorSample[0] != null) {
            System.err.println("first error: " + errorSample[0]);
        }
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
