package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ApiClient;
import dev.safespeak.evidence.internal.EvidenceKeys;
import dev.safespeak.evidence.internal.EvidenceProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A short built-in load run against this instance over loopback: a fixed number of single-text requests at fixed
 * concurrency, stopped after a time bound. Passes when the throughput reaches the configured target with no
 * error. It is a smoke test of capacity on the running service, not the benchmark (which runs from a separate
 * process and writes a committed report).
 */
@Component
public class LoadTestCheck implements ReadinessCheck {

    private final ApiClient client;
    private final EvidenceKeys keys;
    private final EvidenceProperties properties;

    public LoadTestCheck(ApiClient client, EvidenceKeys keys, EvidenceProperties properties) {
        this.client = client;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "load-test";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("load-test");
    }

    @Override
    public CheckResult run() {
        Optional<String> key = keys.probeKey();
        if (key.isEmpty()) {
            return CheckResult.fail("no API key for the checks is configured");
        }
        EvidenceProperties.Checks c = properties.checks();
        int requests = c.loadRequests();
        int concurrency = c.loadConcurrency();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(c.loadMaxSeconds());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        try {
                            ApiClient.Response r = client.postJson("/v1/moderations",
                                    "{\"input\":\"load check message " + i + "\"}", key.get());
                            latencies.add(r.millis());
                            if (r.status() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get(c.loadMaxSeconds() + 10L, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted");
        } catch (Exception e) {
            return CheckResult.fail("the load run did not finish: " + e.getClass().getSimpleName());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return judge(latencies, errors.get(), seconds, c.loadTargetRequestsPerSecond(), concurrency);
    }

    static CheckResult judge(List<Long> latencies, int errors, double seconds, int targetRps, int concurrency) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = sorted.size();
        double rps = seconds <= 0 ? 0 : n / seconds;
        long p50 = n == 0 ? 0 : sorted.get((int) Math.min(n - 1, Math.ceil(0.50 * n) - 1));
        long p95 = n == 0 ? 0 : sorted.get((int) Math.min(n - 1, Math.ceil(0.95 * n) - 1));
        String details = String.format(Locale.ROOT, "%d requests at concurrency %d in %.1f s: %.1f req/s (target %d),"
                + " p50 %d ms, p95 %d ms, %d errors", n, concurrency, seconds, rps, targetRps, p50, p95, errors);
        return n > 0 && errors == 0 && rps >= targetRps ? CheckResult.pass(details) : CheckResult.fail(details);
    }
}
