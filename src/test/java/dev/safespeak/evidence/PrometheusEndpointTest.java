package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus endpoint exposes the documented metric names, and every metric the shipped alert rules use is one
 * of them.
 */
@SpringBootTest(properties = "safespeak.evidence.probe.enabled=false")
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
class PrometheusEndpointTest {

    /** The metric names docs/guide/evidence.md documents, as Prometheus writes them. */
    static final List<String> DOCUMENTED = List.of(
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
            "safespeak_probe_requests_total", "safespeak_probe_latency_seconds_count",
            "safespeak_drift_psi", "safespeak_criterion_value", "safespeak_criterion_passing",
            "safespeak_readiness_check_passing");

    private static final Pattern METRIC = Pattern.compile("\\b((?:safespeak|http_server)_[a-z_]+)\\b");

    @Autowired
    MockMvc mvc;

    private String scrape() throws Exception {
        mvc.perform(get("/actuator/health/liveness"));
        return mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_prometheus_endpoint_exposes_the_documented_metric_names() throws Exception {
        String scrape = scrape();
        for (String name : DOCUMENTED) {
            assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
        assertThat(scrape).contains("le=\"0.1\"");
    }

    @Test
    void every_metric_the_alert_rules_use_is_exposed() throws Exception {
        Set<String> used = new TreeSet<>();
        try (InputStream in = Files.newInputStream(Path.of("docker/prometheus/alerts.yml"))) {
            Map<String, Object> root = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) root.get("groups");
            assertThat(groups).isNotEmpty();
            for (Map<String, Object> group : groups) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
                for (Map<String, Object> rule : rules) {
                    assertThat(rule).containsKeys("alert", "expr");
                    Matcher m = METRIC.matcher(String.valueOf(rule.get("expr")));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("safespeak_probe_requests_total", "http_server_requests_seconds_bucket",
                "safespeak_drift_psi");
        String scrape = scrape();
        // The active model's gauge is there from the start (ApplicationReadyEvent), not only after the first minute.
        assertThat(scrape).containsPattern("(?m)^safespeak_model_active\\{[^}]*version=\"[^\"]+\"[^}]*\\} 1\\.0$");
        for (String name : used) {
            assertThat(scrape).as("alert rules use " + name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }
}
