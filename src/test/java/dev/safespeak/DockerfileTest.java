package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so the image's essentials are checked by reading the Dockerfile. */
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
    void the_build_has_two_stages_and_builds_the_production_jar() throws IOException {
        List<String> all = instructions();
        assertThat(all.stream().filter(l -> l.startsWith("FROM "))).hasSize(2);
        assertThat(all).anyMatch(l -> l.startsWith("RUN ") && l.contains("-Pproduction") && l.contains("package"));
    }

    @Test
    void the_image_runs_on_a_java_17_jre() throws IOException {
        assertThat(finalStage().get(0)).matches("FROM eclipse-temurin:17-jre.*");
    }

    @Test
    void the_app_runs_as_a_non_root_user() throws IOException {
        List<String> users = finalStage().stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        assertThat(user).isNotIn("root", "0", "0:0");
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
    void every_copied_build_input_exists_in_the_repository() throws IOException {
        List<String> copies = instructions().stream()
                .filter(l -> l.startsWith("COPY ") && !l.startsWith("COPY --from")).toList();
        assertThat(copies).isNotEmpty();
        for (String copy : copies) {
            List<String> parts = List.of(copy.substring(5).strip().split("\\s+"));
            for (String source : parts.subList(0, parts.size() - 1)) {
                assertThat(Path.of(source)).as("COPY source " + source).exists();
            }
        }
    }

    @Test
    void the_healthcheck_endpoint_is_a_readiness_probe_the_app_exposes_without_login() throws IOException {
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(applicationYml).containsPattern("(?s)probes:\\s*\\n\\s*enabled: true")
                .containsPattern("include: [^\\n]*health");
        String security = Files.readString(Path.of("src/main/java/dev/safespeak/security/SecurityConfig.java"));
        assertThat(security).contains("\"/actuator/health/**\"");
        assertThat(finalStage()).anyMatch(l -> l.startsWith("HEALTHCHECK ")
                && l.contains("http://127.0.0.1:${SAFESPEAK_PORT}/actuator/health/readiness"));
        assertThat(finalStage()).anyMatch(l -> l.startsWith("ENV ") && l.contains("SAFESPEAK_PORT=8080"));
    }

    @Test
    void the_runtime_stage_runs_the_jar_built_by_the_first_stage() throws IOException {
        assertThat(finalStage()).anyMatch(l -> l.startsWith("COPY --from=build ") && l.contains("app.jar"));
        assertThat(finalStage()).anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("\"-jar\"")
                && l.contains("app.jar"));
    }
}
