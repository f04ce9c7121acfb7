import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load for the database-outage benchmark (bench/db-outage.sh): single-text scoring at a fixed rate (open loop:
 * latency counted from when each request was due, so a stall shows), plus once a second a readiness probe, a liveness
 * probe and a feedback write. Writes one CSV line per request: kind, due time (epoch ms), status (0 = no answer),
 * latency ms. Only 127.0.0.1 may be targeted; every request has a 35 s timeout, so the old 30 s pool wait shows.
 *
 * Usage: java OutageLoad.java BASE_URL API_KEY RATE SECONDS CONCURRENCY OUT_CSV
 */
public class OutageLoad {

    record Line(String kind, long dueMillis, int status, double latencyMillis) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("only 127.0.0.1 may be targeted");
        }
        String key = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
        long startNanos = System.nanoTime() + 100_000_000L;
        long startMillis = System.currentTimeMillis() + 100;
        int total = (int) Math.round(rate * seconds);
        double interval = 1e9 / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency + 3);
        for (int t = 0; t < concurrency; t++) {
            new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = startNanos + (long) (i * interval);
                    sendAt(client, lines, "score", due, startNanos, startMillis, post(base, "api/v1/moderate", key,
                            "{\"text\": \"You are such an idiot, nobody wants you here. " + i + "\"}"));
                }
                done.countDown();
            }).start();
        }
        periodic(client, lines, done, "readiness", seconds, startNanos, startMillis,
                HttpRequest.newBuilder(base.resolve("actuator/health/readiness")).timeout(Duration.ofSeconds(35))
                        .GET().build());
        periodic(client, lines, done, "liveness", seconds, startNanos, startMillis,
                HttpRequest.newBuilder(base.resolve("actuator/health/liveness")).timeout(Duration.ofSeconds(35))
                        .GET().build());
        periodic(client, lines, done, "feedback", seconds, startNanos, startMillis, post(base, "api/v1/feedback", key,
                "{\"text\": \"you absolute legend\", \"attribute\": \"TOXICITY\", \"score\": 0.0}"));
        done.await();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("kind,due_ms,status,latency_ms");
            for (Line l : lines) {
                w.printf("%s,%d,%d,%.3f%n", l.kind(), l.dueMillis(), l.status(), l.latencyMillis());
            }
        }
    }

    private static HttpRequest post(URI base, String path, String key, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(35))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void periodic(HttpClient client, ConcurrentLinkedQueue<Line> lines, CountDownLatch done,
            String kind, int seconds, long startNanos, long startMillis, HttpRequest request) {
        new Thread(() -> {
            for (int s = 0; s < seconds; s++) {
                sendAt(client, lines, kind, startNanos + s * 1_000_000_000L, startNanos, startMillis, request);
            }
            done.countDown();
        }).start();
    }

    private static void sendAt(HttpClient client, ConcurrentLinkedQueue<Line> lines, String kind, long due,
            long startNanos, long startMillis, HttpRequest request) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = 0;
        }
        double latency = (System.nanoTime() - due) / 1e6;
        lines.add(new Line(kind, startMillis + (due - startNanos) / 1_000_000, status, latency));
    }
}
