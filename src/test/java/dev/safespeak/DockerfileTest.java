package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image's essentials, read from the Dockerfile: quick, and true without a Docker engine. That the image builds,
 * starts locked down and scores is shown by bench/container-smoke.sh, which .ci/run runs.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    private static List<String> instructions() throws IOException {
        String text = Files.readString(DOCKERFILE).replace("\\\n", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<String> finalStage() throws IOException {
        List<String> all = instructions();
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return all.subList(lastFrom, all.size());
    }

    @Test
    void the_image_extracts_the_production_jar_in_a_stage_of_its_own_on_the_same_base() throws IOException {
        List<String> all = instructions();
        assertThat(all.stream().filter(l -> l.startsWith("FROM ")))
                .containsExactly("FROM ${BASE_IMAGE} AS extracted", "FROM ${BASE_IMAGE}");
        assertThat(all.subList(0, all.indexOf("FROM ${BASE_IMAGE}"))).contains("COPY ${JAR} /build/app.jar")
                .contains("RUN java -Djarmode=tools -jar /build/app.jar extract --destination /app");
        assertThat(finalStage()).contains("COPY --from=extracted /app/ /app/")
                .noneMatch(l -> l.contains("${JAR}"));
        assertThat(Files.readString(DOCKERFILE)).contains("./mvnw -B -Pproduction -DskipTests package");
    }

    @Test
    void the_image_starts_with_the_class_data_sharing_archive_its_build_recorded_at_the_path_it_runs_from()
            throws IOException {
        List<String> stage = finalStage();
        int copy = stage.indexOf("COPY --from=extracted /app/ /app/");
        int training = stage.indexOf("RUN cds-archive --train-only /app/app.jar");
        assertThat(stage).contains("COPY bin/cds-archive /usr/local/bin/cds-archive");
        assertThat(training).as("the training run, after the extracted jar is in place").isGreaterThan(copy);
        // bin/cds-archive --train-only writes app.jsa next to the jar it trains (StartScriptTest runs it).
        // C2's thresholds of the app, as bin/start sets them (decision 104).
        // Read from bin/start's app_c2_thresholds line, so that the image's copy cannot drift from it.
        StringBuilder entrypoint = new StringBuilder("ENTRYPOINT [\"java\"");
        for (String flag : StartScriptTest.appC2Thresholds()) {
            entrypoint.append(", \"").append(flag).append('"');
        }
        entrypoint.append(", \"-XX:SharedArchiveFile=/app/app.jsa\", \"-jar\", \"/app/app.jar\"]");
        assertThat(stage).contains(entrypoint.toString());
    }

    @Test
    void the_default_base_image_is_a_standard_java_17_jre() throws IOException {
        assertThat(instructions()).contains("ARG BASE_IMAGE=eclipse-temurin:17-jre");
    }

    @Test
    void the_jar_argument_names_the_jar_the_build_makes_and_the_build_context_admits_it() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>safespeak</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("the project's version in pom.xml").isTrue();
        assertThat(instructions()).contains("ARG JAR=target/safespeak-" + version.group(1) + ".jar");
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore).containsExactly("*", "!target/safespeak-*.jar", "!bin/cds-archive");
    }

    @Test
    void the_app_runs_as_a_non_root_user() throws IOException {
        List<String> users = finalStage().stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        // Numeric, so that Kubernetes' runAsNonRoot can verify it (docker/k8s uses the same uid).
        assertThat(user).isEqualTo("10001:10001");
        int userLine = finalStage().indexOf(users.get(users.size() - 1));
        int entrypoint = finalStage().indexOf(finalStage().stream().filter(l -> l.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow());
        assertThat(userLine).isLessThan(entrypoint);
    }

    @Test
    void the_healthcheck_asks_the_readiness_probe() throws IOException {
        assertThat(finalStage()).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/actuator/health/readiness"));
    }

    @Test
    void the_exposed_port_is_the_default_server_port() throws IOException {
        String expose = finalStage().stream().filter(l -> l.startsWith("EXPOSE ")).findFirst().orElseThrow();
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher port = Pattern.compile("port: \\$\\{SAFESPEAK_PORT:(\\d+)}").matcher(applicationYml);
        assertThat(port.find()).as("server.port in application.yml").isTrue();
        assertThat(expose.substring(7).strip()).isEqualTo(port.group(1));
    }

    @Test
    void the_healthcheck_endpoint_is_a_readiness_probe_the_app_exposes_without_login() throws IOException {
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(applicationYml).containsPattern("(?s)probes:\\s*\\n\\s*enabled: true")
                .containsPattern("include: [^\\n]*health");
        String security = Files.readString(Path.of("src/main/java/dev/safespeak/security/SecurityConfig.java"));
        assertThat(security).contains("\"/actuator/health/**\"");
        assertThat(finalStage()).anyMatch(l -> l.startsWith("HEALTHCHECK ")
                && l.contains("/dev/tcp/127.0.0.1/${SAFESPEAK_PORT}") && l.contains("/actuator/health/readiness"));
        assertThat(finalStage()).anyMatch(l -> l.startsWith("ENV ") && l.contains("SAFESPEAK_PORT=8080"));
    }

    @Test
    void the_image_runs_the_copied_jar() throws IOException {
        assertThat(finalStage()).anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("\"-jar\"")
                && l.contains("app.jar"));
    }
}
