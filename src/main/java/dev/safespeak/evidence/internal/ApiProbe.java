package dev.safespeak.evidence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The synthetic availability probe: on a schedule it calls the real API over HTTP ({@code POST /v1/moderations},
 * the OpenAI-compatible endpoint, whose response shape is fixed by a public contract) with its dedicated key and
 * validates the answer. Availability is the share of probes that got a valid answer.
 */
@Component
public class ApiProbe {

    /** The path probed. */
    public static final String PATH = "/v1/moderations";
    static final String BODY = "{\"input\":\"SafeSpeak availability probe: have a nice day\"}";

    /** One probe: whether the API answered correctly, the HTTP status (0 when none), latency and what was wrong. */
    public record ProbeResult(boolean ok, int status, long millis, String detail, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;
    private final EvidenceKeys keys;
    private final EvidenceProperties properties;
    private final Clock clock;
    private final Counter okCounter;
    private final Counter failCounter;
    private final Timer latency;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicReference<ProbeResult> last = new AtomicReference<>();

    public ApiProbe(ApiClient client, EvidenceKeys keys, EvidenceProperties properties, Clock clock,
                    MeterRegistry registry) {
        this.client = client;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.okCounter = Counter.builder("safespeak.probe.requests").tag("outcome", "ok")
                .description("Synthetic availability probes by outcome").register(registry);
        this.failCounter = Counter.builder("safespeak.probe.requests").tag("outcome", "fail")
                .description("Synthetic availability probes by outcome").register(registry);
        this.latency = Timer.builder("safespeak.probe.latency").description("Latency of the synthetic probe")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${safespeak.evidence.probe.interval-seconds:30}",
            fixedDelayString = "${safespeak.evidence.probe.interval-seconds:30}", timeUnit = TimeUnit.SECONDS)
    void scheduled() {
        if (properties.probe().enabled() && client.baseUrl().isPresent() && keys.probeKey().isPresent()) {
            probe();
        }
    }

    /** Probes once and counts the outcome; a missing key or server is a failed probe with that reason. */
    public ProbeResult probe() {
        Optional<String> key = keys.probeKey();
        ProbeResult result;
        if (key.isEmpty()) {
            result = new ProbeResult(false, 0, 0, "no probe API key is configured", clock.instant());
        } else {
            result = call(key.get());
        }
        total.incrementAndGet();
        if (result.ok()) {
            ok.incrementAndGet();
            okCounter.increment();
        } else {
            failCounter.increment();
        }
        latency.record(Duration.ofMillis(result.millis()));
        last.set(result);
        return result;
    }

    private ProbeResult call(String key) {
        Instant at = clock.instant();
        try {
            ApiClient.Response response = client.postJson(PATH, BODY, key);
            String problem = validate(response.status(), response.body());
            return new ProbeResult(problem == null, response.status(), response.millis(),
                    problem == null ? "valid moderation response" : problem, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, 0, 0, "interrupted", at);
        } catch (Exception e) {
            return new ProbeResult(false, 0, 0, "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), at);
        }
    }

    /** Null when the answer is a valid OpenAI-style moderation response, else what is wrong with it. */
    static String validate(int status, String body) {
        if (status != 200) {
            return "status " + status + " instead of 200";
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return "body is not JSON";
        }
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray() || results.size() != 1) {
            return "body has no results array with one entry";
        }
        JsonNode first = results.get(0);
        if (!first.path("flagged").isBoolean()) {
            return "result has no boolean 'flagged'";
        }
        JsonNode scores = first.get("category_scores");
        if (scores == null || !scores.isObject() || scores.isEmpty()) {
            return "result has no category_scores";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = scores.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double v = e.getValue().asDouble(Double.NaN);
            if (!e.getValue().isNumber() || v < 0 || v > 1) {
                return "category score '" + e.getKey() + "' is not a number in [0, 1]";
            }
        }
        return null;
    }

    /** Probes sent since start. */
    public long total() {
        return total.get();
    }

    /** Probes that got a valid answer since start. */
    public long ok() {
        return ok.get();
    }

    public Optional<ProbeResult> last() {
        return Optional.ofNullable(last.get());
    }
}
