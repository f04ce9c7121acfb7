package dev.safespeak.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The application in a process of its own, the way an operator runs it: {@code java -jar} of the production jar that
 * the environment variable (or system property) {@code SAFESPEAK_TEST_JAR} names; build it with
 * {@code ./mvnw -B -Pproduction -Dmaven.test.skip=true package} and copy it out of target/ (.ci/run does). Its output
 * goes to a log file; {@link #close()} stops it with SIGTERM.
 */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the app on a free port with {@code env} added to this JVM's environment. */
    static AppProcess start(String name, Path workDir, Map<String, String> env, String... args) throws IOException {
        int port = LocalPostgres.freePort();
        List<String> command = new ArrayList<>(javaCommand());
        command.add("--server.port=" + port);
        command.addAll(Arrays.asList(args));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        return new AppProcess(name, builder.start(), log, port);
    }

    /** Runs the app's command line ({@code keys create ...}) to its end and returns what it printed. */
    static String runCommand(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    /** The production jar named by SAFESPEAK_TEST_JAR, if it exists. */
    static Optional<Path> jar() {
        String jar = System.getProperty("SAFESPEAK_TEST_JAR", System.getenv("SAFESPEAK_TEST_JAR"));
        return jar == null || jar.isBlank() || !Files.isRegularFile(Path.of(jar)) ? Optional.empty()
                : Optional.of(Path.of(jar));
    }

    /** Skips the calling test without the jar, except in CI ({@code CI=true}), where a missing jar is a failure. */
    static Path requireJar() {
        Optional<Path> jar = jar();
        String missing = "SAFESPEAK_TEST_JAR names no production jar; build one with"
                + " './mvnw -B -Pproduction -Dmaven.test.skip=true package', copy it out of target/ and set"
                + " SAFESPEAK_TEST_JAR to it (.ci/run does)";
        if (jar.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(jar.isPresent(), missing);
        return jar.get();
    }

    private static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", requireJar().toString());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** Waits until {@code /actuator/health/readiness} answers UP and returns how long that took. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up with status " + process.exitValue()
                        + "; its log ends with:\n" + tail());
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url(
                        "actuator/health/readiness"))).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; its log ends with:\n" + tail());
    }

    /** Waits until the log holds {@code text}. */
    void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logText().contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + text + "' within " + timeout
                + "; its log ends with:\n" + tail());
    }

    /** POSTs JSON with a bearer key and returns the answer. */
    HttpResponse<String> postJson(String path, String key, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
