package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders docker/k8s's overlays with {@code kubectl kustomize} and checks them against the application and the
 * container image: the probes ask the actuator paths application.yml enables on the port the app listens on, the
 * pods run with the securityContext bench/container-smoke.sh proves (uid 10001 as in docker/Dockerfile, read-only
 * root, no capabilities), the database and audit key come from Secrets, and Service, HPA, PDB and NetworkPolicy
 * point at the Deployment's pods. Without kubectl the test is skipped, except in CI where .ci/run provides it.
 */
class KubernetesManifestsTest {

    private static String serverPort;
    private static String dockerUser;

    @BeforeAll
    static void readTheApplicationAndTheImage() throws IOException {
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher port = Pattern.compile("port: \\$\\{SAFESPEAK_PORT:(\\d+)}").matcher(applicationYml);
        assertThat(port.find()).as("server.port in application.yml").isTrue();
        serverPort = port.group(1);
        assertThat(applicationYml).as("health probes enabled in application.yml")
                .containsPattern("(?s)probes:\\s*\\n\\s*enabled: true");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(Files.readString(Path.of("docker/Dockerfile")));
        assertThat(user.find()).as("USER in docker/Dockerfile").isTrue();
        dockerUser = user.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void the_probes_ask_the_actuator_health_groups_on_the_apps_port(String overlay) throws Exception {
        Map<String, Object> container = container(render(overlay));
        assertThat(port(container, "http")).isEqualTo(Integer.parseInt(serverPort));
        assertThat(env(container, "SAFESPEAK_PORT")).isEqualTo(serverPort);
        assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "http");
        assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "http");
        assertThat(probe(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "http");
        Map<String, Object> resources = map(container, "resources");
        assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
        assertThat(map(resources, "limits")).containsKey("memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void the_pods_run_locked_down_like_the_container_smoke_test(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> container = container(docs);
        Map<String, Object> security = map(container, "securityContext");
        String[] uidGid = dockerUser.split(":");
        assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("runAsUser", Integer.parseInt(uidGid[0]))
                .containsEntry("runAsGroup", Integer.parseInt(uidGid[1]));
        assertThat(map(security, "capabilities")).containsEntry("drop", List.of("ALL"));
        List<Map<String, Object>> mounts = list(container, "volumeMounts");
        assertThat(mounts).extracting(m -> m.get("mountPath")).containsExactlyInAnyOrder("/app/data", "/tmp");
        assertThat(map(podSpec(docs), "securityContext")).containsEntry("runAsNonRoot", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void the_database_and_the_audit_key_come_from_secrets(String overlay) throws Exception {
        Map<String, Object> container = container(render(overlay));
        assertThat(secretRef(container, "SAFESPEAK_DB_URL")).isEqualTo("safespeak-db/url");
        assertThat(secretRef(container, "SAFESPEAK_DB_USER")).isEqualTo("safespeak-db/username");
        assertThat(secretRef(container, "SAFESPEAK_DB_PASSWORD")).isEqualTo("safespeak-db/password");
        assertThat(secretRef(container, "SAFESPEAK_AUDIT_HMAC_KEY")).isEqualTo("safespeak-audit/hmac-key");
        assertThat(secretRef(container, "SAFESPEAK_AUDIT_HMAC_PREVIOUS_KEYS"))
                .isEqualTo("safespeak-audit/previous-keys");
        assertThat(list(container, "env")).noneMatch(e -> String.valueOf(e.get("name")).contains("PASSWORD")
                && e.containsKey("value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void service_autoscaler_budget_and_network_policy_point_at_the_pods(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> deployment = only(docs, "Deployment");
        Map<String, Object> podLabels = map(map(map(deployment, "spec"), "template"), "metadata");
        Map<String, Object> labels = map(podLabels, "labels");
        Map<String, Object> service = map(only(docs, "Service"), "spec");
        assertThat(labels).containsAllEntriesOf(map(service, "selector"));
        assertThat(service).containsEntry("sessionAffinity", "ClientIP");
        assertThat(list(service, "ports").get(0)).containsEntry("targetPort", "http");
        assertThat(labels).containsAllEntriesOf(map(map(map(only(docs, "PodDisruptionBudget"), "spec"), "selector"),
                "matchLabels"));
        Map<String, Object> policy = map(only(docs, "NetworkPolicy"), "spec");
        assertThat(labels).containsAllEntriesOf(map(map(policy, "podSelector"), "matchLabels"));
        assertThat(policy.get("policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        Map<String, Object> hpa = map(only(docs, "HorizontalPodAutoscaler"), "spec");
        assertThat(map(hpa, "scaleTargetRef")).containsEntry("kind", "Deployment")
                .containsEntry("name", map(deployment, "metadata").get("name"));
        int minReplicas = (Integer) hpa.get("minReplicas");
        assertThat(minReplicas).as("two pods at least, so one can restart").isGreaterThanOrEqualTo(2);
        Object minAvailable = map(only(docs, "PodDisruptionBudget"), "spec").get("minAvailable");
        assertThat((Integer) minAvailable).as("a drain leaves a pod serving").isBetween(1, minReplicas - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void production_keeps_a_browser_on_one_pod_at_the_ingress(String overlay) throws Exception {
        Map<String, Object> ingress = only(render(overlay), "Ingress");
        assertThat(map(map(ingress, "metadata"), "annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
    }

    private static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        Path dir = Path.of("docker/k8s/overlays", overlay);
        assertThat(dir.resolve("kustomization.yaml")).exists();
        boolean hasKubectl = Files.isExecutable(Path.of("/usr/bin/kubectl"))
                || Files.isExecutable(Path.of("/usr/local/bin/kubectl"));
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeThat(hasKubectl).as("kubectl installed (apt-get install kubernetes-client)").isTrue();
        }
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false)
                .start();
        String yaml = new String(process.getInputStream().readAllBytes());
        String errors = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + dir + ": " + errors).isZero();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc != null) {
                docs.add(cast(doc));
            }
        }
        return docs;
    }

    private static Map<String, Object> only(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> matching = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(matching).as("rendered " + kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, Object> podSpec(List<Map<String, Object>> docs) {
        return map(map(map(only(docs, "Deployment"), "spec"), "template"), "spec");
    }

    private static Map<String, Object> container(List<Map<String, Object>> docs) {
        List<Map<String, Object>> containers = list(podSpec(docs), "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static Map<String, Object> probe(Map<String, Object> container, String name) {
        return map(map(container, name), "httpGet");
    }

    private static int port(Map<String, Object> container, String name) {
        return list(container, "ports").stream().filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst().orElseThrow();
    }

    private static Object env(Map<String, Object> container, String name) {
        return list(container, "env").stream().filter(e -> name.equals(e.get("name"))).map(e -> e.get("value"))
                .findFirst().orElse(null);
    }

    private static String secretRef(Map<String, Object> container, String name) {
        Map<String, Object> entry = list(container, "env").stream().filter(e -> name.equals(e.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not set"));
        Map<String, Object> ref = map(map(entry, "valueFrom"), "secretKeyRef");
        return ref.get("name") + "/" + ref.get("key");
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return cast(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
