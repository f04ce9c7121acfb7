package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits while an encoder session is being created exits cleanly (see {@link OnnxEnvironment}): each run
 * starts {@link ExitDuringEncoderLoad} as a child JVM on the test classpath, which calls {@code System.exit(0)} a few
 * milliseconds after its loader thread entered ONNX Runtime's createSession. Before the fix 29 of 30 such runs
 * crashed (SIGSEGV or SIGBUS in libonnxruntime, exit code 1, an hs_err file; decision 101), so four clean runs do
 * not happen by chance.
 */
class ExitDuringEncoderLoadTest {

    /** Milliseconds between the loader entering createSession and the exit; the load takes a few hundred more. */
    private static final int[] DELAYS = {0, 25, 75, 150};

    @TempDir
    Path dir;

    private record Run(int delayMillis, int exitCode, String output, List<String> crashFiles) {
    }

    private Run run(int delayMillis) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("delay-" + delayMillis));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-CreateCoredumpOnCrash"));
        String nativePath = System.getProperty(OnnxNativeLibraries.PROPERTY);
        if (nativePath != null) {
            command.add("-D" + OnnxNativeLibraries.PROPERTY + "=" + nativePath);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExitDuringEncoderLoad.class.getName(),
                Integer.toString(delayMillis)));
        Path log = work.resolve("output.txt");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not exit within 120 s: " + Files.readString(log));
        }
        try (Stream<Path> files = Files.list(work)) {
            List<String> crashes = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("hs_err_pid")).toList();
            return new Run(delayMillis, process.exitValue(), Files.readString(log), crashes);
        }
    }

    @Test
    void a_jvm_that_exits_while_an_encoder_session_is_created_exits_cleanly() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int delay : DELAYS) {
            runs.add(run(delay));
        }
        for (Run run : runs) {
            assertThat(run.crashFiles()).as("crash files after an exit %d ms into createSession: %s",
                    run.delayMillis(), run.output()).isEmpty();
            assertThat(run.exitCode()).as("exit code %d ms into createSession: %s", run.delayMillis(), run.output())
                    .isZero();
            assertThat(run.output()).as("the stand-in for Spring's graceful close completed")
                    .contains("HOOK_DONE").doesNotContain("NEVER_SAW_CREATE_SESSION");
        }
        assertThat(runs.get(0).output()).as("an exit right after createSession began came before the load ended")
                .contains("EXIT_DURING_LOAD");
    }
}
