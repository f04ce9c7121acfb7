package dev.safespeak.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a tiny local HTTP server whose answers the test controls. */
class ApiProbeTest {

    static final String VALID = "{\"id\":\"modr-1\",\"model\":\"m\",\"results\":[{\"flagged\":false,"
            + "\"categories\":{\"harassment\":false},\"category_scores\":{\"harassment\":0.01}}]}";

    private HttpServer server;
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> body = new AtomicReference<>(VALID);
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ApiProbe probe;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/moderations", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        probe = probeWithKey("ssk_probe");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static EvidenceProperties properties(String baseUrl, String key) {
        return new EvidenceProperties("test", 10, 60, List.of("/v1/"),
                new EvidenceProperties.Retention(24, 7, 90),
                new EvidenceProperties.Probe(true, 30, baseUrl, key, 15000),
                new EvidenceProperties.Checks(15, 2, 20, 2, 1, 10, 20, ""),
                new EvidenceProperties.Criteria(99.9, 100, 0.1, 95),
                new EvidenceProperties.Drift(0.25, 60, 100),
                new EvidenceProperties.Rollback(false, 1.0, 250, 0.5, false, 5),
                new EvidenceProperties.Demo(false, 5, 20));
    }

    private ApiProbe probeWithKey(String key) {
        EvidenceProperties props = properties("http://127.0.0.1:" + server.getAddress().getPort(), key);
        return new ApiProbe(new ApiClient(props), new EvidenceKeys(props, null), props, Clock.systemUTC(), registry);
    }

    @Test
    void a_valid_answer_counts_as_available_and_sends_the_probe_key() {
        ApiProbe.ProbeResult r = probe.probe();
        assertThat(r.ok()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(authorization.get()).isEqualTo("Bearer ssk_probe");
        assertThat(probe.total()).isEqualTo(1);
        assertThat(probe.ok()).isEqualTo(1);
        assertThat(registry.get("safespeak.probe.requests").tag("outcome", "ok").counter().count()).isEqualTo(1.0);
    }

    @Test
    void a_server_error_counts_as_unavailable() {
        status.set(503);
        body.set("{\"status\":503}");
        ApiProbe.ProbeResult r = probe.probe();
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("status 503 instead of 200");
        assertThat(probe.ok()).isZero();
        assertThat(registry.get("safespeak.probe.requests").tag("outcome", "fail").counter().count()).isEqualTo(1.0);
    }

    @Test
    void a_200_with_a_wrong_body_counts_as_unavailable() {
        body.set("{\"results\":[]}");
        assertThat(probe.probe().detail()).isEqualTo("body has no results array with one entry");
    }

    @Test
    void no_server_counts_as_unavailable_with_the_reason() {
        server.stop(0);
        ApiProbe.ProbeResult r = probe.probe();
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).startsWith("no answer: ");
    }

    @Test
    void response_validation_names_what_is_wrong() {
        assertThat(ApiProbe.validate(200, VALID)).isNull();
        assertThat(ApiProbe.validate(200, "not json")).isEqualTo("body is not JSON");
        assertThat(ApiProbe.validate(200, "{\"results\":[{\"category_scores\":{}}]}"))
                .isEqualTo("result has no boolean 'flagged'");
        assertThat(ApiProbe.validate(200, "{\"results\":[{\"flagged\":true}]}"))
                .isEqualTo("result has no category_scores");
        assertThat(ApiProbe.validate(200, "{\"results\":[{\"flagged\":true,\"category_scores\":{\"x\":1.5}}]}"))
                .isEqualTo("category score 'x' is not a number in [0, 1]");
    }
}
