package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.evidence.internal.MetricsSampler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

/**
 * A fresh start in demo mode on a real port: the demo profile turns the demo traffic generator on, and with a short
 * sampling interval the success criteria have values within the first few intervals. A recorder polls the readiness
 * probe from the moment the web server listens until shortly after the application is ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "safespeak.evidence.sample-interval-seconds=1", "safespeak.evidence.probe.interval-seconds=1",
        "safespeak.evidence.demo.initial-delay-seconds=1", "safespeak.evidence.checks.schedule-minutes=10000",
        "management.endpoint.health.show-details=always"})
@ActiveProfiles({"test", "demo"})
@Import(DemoModeLiveMetricsTest.Recorder.class)
class DemoModeLiveMetricsTest {

    @TestConfiguration
    static class Recorder {
        @Bean
        StartupReadiness startupReadiness() {
            return new StartupReadiness();
        }
    }

    /** Polls /actuator/health/readiness every 20 ms from web server start until 3 s after the ready event. */
    static class StartupReadiness {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final AtomicBoolean ready = new AtomicBoolean();
        volatile Instant stopAt = Instant.MAX;
        volatile boolean done;

        @EventListener
        void onWebServer(WebServerInitializedEvent event) {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return;
            }
            URI uri = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/actuator/health/readiness");
            Thread poller = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                while (Instant.now().isBefore(stopAt)) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .GET().build(), HttpResponse.BodyHandlers.ofString());
                        seen.add((ready.get() ? "after-ready " : "starting ") + r.statusCode() + " " + r.body());
                    } catch (Exception e) {
                        seen.add((ready.get() ? "after-ready " : "starting ") + "error " + e);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                done = true;
            }, "readiness-recorder");
            poller.setDaemon(true);
            poller.start();
        }

        @EventListener
        void onReady(ApplicationReadyEvent event) {
            ready.set(true);
            stopAt = Instant.now().plusSeconds(3);
        }
    }

    @Autowired
    DemoTrafficService demo;
    @Autowired
    SuccessCriteriaService criteria;
    @Autowired
    MetricHistoryRepository history;
    @Autowired
    Clock clock;
    @Autowired
    StartupReadiness readiness;

    private Double value(SuccessCriterion c) {
        return criteria.current(null).stream().filter(s -> s.criterion() == c).findFirst().orElseThrow().value();
    }

    private double sum(String metric) {
        Instant now = clock.instant();
        return history.rows(metric, now.minus(Duration.ofHours(1)), now.plusSeconds(1), MetricHistoryRepository.MINUTE)
                .stream().mapToDouble(MetricHistoryRepository.Row::value).sum();
    }

    @Test
    void the_demo_profile_turns_the_labelled_traffic_generator_on() {
        assertThat(demo.running()).isTrue();
    }

    @Test
    void availability_p95_and_error_rate_have_values_within_the_first_sampling_intervals() {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(value(SuccessCriterion.AVAILABILITY)).isNotNull().isNotNaN();
            assertThat(value(SuccessCriterion.P95_LATENCY)).isNotNull().isNotNaN();
            assertThat(value(SuccessCriterion.ERROR_RATE)).isNotNull().isNotNaN();
        });
        // The generator sends several requests a second, the probe one: most API traffic is the demo's.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sum(MetricsSampler.API_REQUESTS)).isGreaterThan(2 * sum(MetricsSampler.PROBES)));
        assertThat(sum(MetricsSampler.TEXTS)).isPositive();
    }

    /**
     * While the model loads at start the readiness probe answers at once with 503 OUT_OF_SERVICE (it used to hang
     * until the load finished, so probes with a short timeout failed once); never DOWN; UP once ready.
     */
    @Test
    void readiness_answers_out_of_service_while_starting_never_down_and_up_once_ready() {
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness.done);
        assertThat(readiness.seen).noneSatisfy(s -> assertThat(s).contains("DOWN"));
        assertThat(readiness.seen).filteredOn(s -> s.startsWith("starting")).isNotEmpty().allSatisfy(s ->
                assertThat(s).startsWith("starting 503 {\"status\":\"OUT_OF_SERVICE\"")
                        .contains("\"model\":{\"status\":\"OUT_OF_SERVICE\""));
        assertThat(readiness.seen).filteredOn(s -> s.startsWith("after-ready")).isNotEmpty().last().asString()
                .startsWith("after-ready 200 {\"status\":\"UP\"").contains("\"model\":{\"status\":\"UP\"");
    }
}
