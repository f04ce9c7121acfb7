package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the official npm clients ({@code googleapis}, {@code openai}) from clients/node against the app on a real
 * port. The scripts assert every value themselves and exit non-zero on a mismatch; Google's Perspective sample is
 * run as its documentation shows it (only the discovery URL and the key changed) and its output checked here.
 * Without node_modules (a fresh clone) {@code npm ci} installs the committed lock file first. Without {@code node}
 * the tests are skipped on a developer machine and fail under {@code CI=true}.
 */
class NodeClientsTest extends LiveApiTestSupport {

    static final Path CLIENTS = Path.of("clients", "node");
    private static final long NPM_CI_TIMEOUT_SECONDS = 300;
    private static final long SCRIPT_TIMEOUT_SECONDS = 300;

    private static String node;

    @BeforeAll
    static void nodeAndModules() throws Exception {
        node = executable("node");
        String npm = executable("npm");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (node == null || npm == null) {
            String message = "node and npm are needed to run the official npm clients (Debian: apt-get install nodejs npm)";
            if (ci) {
                throw new IllegalStateException(message + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(message + "; skipped because CI is not set");
        }
        if (!Files.isDirectory(CLIENTS.resolve("node_modules/googleapis"))
                || !Files.isDirectory(CLIENTS.resolve("node_modules/openai"))) {
            Result install = run(List.of(npm, "ci", "--no-audit", "--no-fund"), Map.of(), NPM_CI_TIMEOUT_SECONDS);
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", CLIENTS, install.output()).isZero();
        }
    }

    @Test
    void googleapis_builds_the_perspective_client_from_the_discovery_document_and_every_call_answers_as_expected()
            throws Exception {
        String key = createKey("node-perspective", 100, 1000).secret();
        Result result = script("perspective.mjs", Map.of("SAFESPEAK_API_KEY", key));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("perspective: 3 calls and 2 refusals as expected");
    }

    @Test
    void googles_perspective_sample_with_only_the_url_and_key_changed_scores_a_comment() throws Exception {
        String key = createKey("node-sample", 100, 1000).secret();
        Result result = script("perspective-sample.cjs", Map.of("SAFESPEAK_API_KEY", key));
        assertThat(result.exitCode()).as(result.output()).isZero();
        String output = result.output();
        JsonNode printed = new ObjectMapper().readTree(output.substring(output.indexOf('{'), output.lastIndexOf('}') + 1));
        assertThat(printed.at("/attributeScores/TOXICITY/summaryScore/value").asDouble()).isEqualTo(0.9);
        assertThat(printed.at("/attributeScores/TOXICITY/summaryScore/type").asText()).isEqualTo("PROBABILITY");
        assertThat(printed.at("/attributeScores/TOXICITY/spanScores/0/end").asInt()).isEqualTo(31);
        assertThat(printed.at("/detectedLanguages/0").asText()).isEqualTo("en");
    }

    @Test
    void the_openai_node_client_moderates_strings_and_arrays_and_raises_its_errors() throws Exception {
        String key = createKey("node-openai", 100, 1000).secret();
        String limited = createKey("node-openai-limited", 100, 1).secret();
        Result result = script("openai.mjs", Map.of("SAFESPEAK_API_KEY", key, "SAFESPEAK_LIMITED_KEY", limited,
                "SAFESPEAK_EXPECTED_MODEL", OPENAI_MODEL));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("openai: 2 calls and 2 refusals as expected");
    }

    private Result script(String name, Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SAFESPEAK_URL", baseUrl());
        return run(List.of(node, name), all, SCRIPT_TIMEOUT_SECONDS);
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("safespeak-node-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENTS.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // The scripts must reach only the app under test, never a proxy or a real OpenAI/Google key.
            builder.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("GOOGLE_")
                    || k.equalsIgnoreCase("http_proxy") || k.equalsIgnoreCase("https_proxy"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, String.join(" ", command) + " did not finish within " + timeoutSeconds
                        + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The absolute path of a program on the PATH, or null. */
    private static String executable(String name) throws IOException {
        String path = System.getenv("PATH");
        List<String> dirs = path == null ? List.of() : new ArrayList<>(List.of(path.split(File.pathSeparator)));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
