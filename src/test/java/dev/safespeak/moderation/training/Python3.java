package dev.safespeak.moderation.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds python3 for the tests that run the training scripts (UnseenScriptsTest, ShortMessageScriptsTest,
 * ContrastiveScriptsTest) and bench/cpu-drift.py (CpuDriftScriptTest), and runs them.
 */
final class Python3 {

    /** What a script run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Python3() {
    }

    /**
     * The interpreter itself, not a shim such as pyenv's, which needs the PATH a test takes away; null when python3
     * is not on the PATH.
     */
    static String interpreter() {
        try {
            Process which = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String path = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            which.waitFor(10, TimeUnit.SECONDS);
            return path.isEmpty() ? null : path;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The interpreter for a test class's {@code @BeforeAll}; without python3 on the PATH the class is skipped with a
     * message naming {@code what} is not tested.
     */
    static String required(String what) {
        String python = interpreter();
        Assumptions.assumeTrue(python != null,
                "python3 is not on the PATH: " + what + " not tested (CI has python3)");
        return python;
    }

    /**
     * Runs a script with the interpreter from {@code root}, with {@code root/fakebin} first on the PATH (where a test
     * puts its stand-in {@code java}) and {@code env} added; at most a minute; stdout and stderr apart.
     */
    static Result run(String interpreter, Path root, Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(interpreter, "-B", script));
        command.addAll(List.of(args));
        // stdout and stderr go to files outside root (which may be the repository), so the wait below can time out
        Path stdout = Files.createTempFile("python3-stdout", ".txt");
        Path stderr = Files.createTempFile("python3-stderr", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().put("PATH", root.resolve("fakebin") + ":" + System.getenv("PATH"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within a minute");
            }
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
