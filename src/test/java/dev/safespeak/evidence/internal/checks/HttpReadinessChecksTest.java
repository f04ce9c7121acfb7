package dev.safespeak.evidence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.internal.ApiClient;
import dev.safespeak.evidence.internal.ApiProbe;
import dev.safespeak.evidence.internal.EvidenceKeys;
import dev.safespeak.evidence.internal.EvidenceProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks that call the service over HTTP, against a tiny local server whose answers the test sets per path. */
class HttpReadinessChecksTest {

    static final String VALID_MODERATION = "{\"id\":\"modr-1\",\"model\":\"m\",\"results\":[{\"flagged\":false,"
            + "\"categories\":{\"harassment\":false},\"category_scores\":{\"harassment\":0.01}}]}";

    record Answer(int status, String body) {
    }

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private ApiClient client;
    private EvidenceProperties properties;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/v1/moderations")) {
            server.createContext(path, exchange -> {
                Answer a = answers.getOrDefault(path, new Answer(404, "{}"));
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(a.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
        }
        server.start();
        properties = new EvidenceProperties("test", 10, 60, List.of("/v1/"),
                new EvidenceProperties.Retention(24, 7, 90),
                new EvidenceProperties.Probe(true, 30, "http://127.0.0.1:" + server.getAddress().getPort(),
                        "ssk_probe", 15000),
                new EvidenceProperties.Checks(15, 2, 20, 2, 1, 10, 20, ""),
                new EvidenceProperties.Criteria(99.9, 100, 0.1, 95),
                new EvidenceProperties.Drift(0.25, 60, 100),
                new EvidenceProperties.Rollback(false, 1.0, 250, 0.5, false, 5),
                new EvidenceProperties.Demo(false, 5, 20));
        client = new ApiClient(properties);
        answers.put("/actuator/health/liveness", new Answer(200, "{\"status\":\"UP\"}"));
        answers.put("/actuator/health/readiness", new Answer(200, "{\"status\":\"UP\"}"));
        answers.put("/v1/moderations", new Answer(200, VALID_MODERATION));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CheckResult apiProbe() {
        ApiProbe probe = new ApiProbe(client, new EvidenceKeys(properties, null), properties, Clock.systemUTC(),
                new SimpleMeterRegistry());
        return new ApiProbeCheck(probe).run();
    }

    @Test
    void health_probes_pass_when_liveness_and_readiness_are_up() {
        CheckResult result = new HealthProbeCheck(client).run();
        assertThat(result.passed()).isTrue();
        assertThat(result.details()).isEqualTo("/actuator/health/liveness -> 200 UP; /actuator/health/readiness -> 200 UP");
    }

    @Test
    void health_probes_fail_when_readiness_is_out_of_service_naming_the_answer() {
        answers.put("/actuator/health/readiness", new Answer(503, "{\"status\":\"OUT_OF_SERVICE\"}"));
        CheckResult result = new HealthProbeCheck(client).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).endsWith("/actuator/health/readiness -> 503 {\"status\":\"OUT_OF_SERVICE\"}");
    }

    @Test
    void health_probes_fail_without_a_server() {
        server.stop(0);
        CheckResult result = new HealthProbeCheck(client).run();
        assertThat(result.passed()).isFalse();
        assertThat(result.details()).startsWith("/actuator/health/liveness -> no answer (");
    }

    @Test
    void the_api_probe_check_passes_on_a_valid_moderation_answer() {
        CheckResult result = apiProbe();
        assertThat(result.passed()).isTrue();
        assertThat(result.details()).startsWith("POST /v1/moderations -> 200 in ");
    }

    @Test
    void the_api_probe_check_fails_on_a_server_error_and_on_an_invalid_body() {
        answers.put("/v1/moderations", new Answer(503, "{\"status\":503}"));
        CheckResult down = apiProbe();
        assertThat(down.passed()).isFalse();
        assertThat(down.details()).startsWith("POST /v1/moderations -> 503 in ").endsWith("status 503 instead of 200");
        answers.put("/v1/moderations", new Answer(200, "{\"results\":[]}"));
        CheckResult invalid = apiProbe();
        assertThat(invalid.passed()).isFalse();
        assertThat(invalid.details()).endsWith("body has no results array with one entry");
    }
}
