package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BusinessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production jar carries ONNX Runtime's native libraries for three platforms only (decision 095). Elsewhere the
 * accurate engine must answer "unavailable" with the reason, not crash: each test starts a JVM that claims to be a
 * riscv64 machine ({@code -Dos.arch=riscv64}, which ONNX Runtime reads to pick its library) so ONNX Runtime cannot
 * start there, whatever the class path holds.
 */
class UnsupportedPlatformTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String output) {
    }

    private static Result java(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Dos.arch=riscv64", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void score_in_accurate_mode_fails_with_the_reason_and_no_stack_trace() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"1\",\"text\":\"hello there\"}\n");
        Path out = dir.resolve("out.jsonl");

        Result result = java("dev.safespeak.SafeSpeakApplication", "score", "--in", in.toString(), "--out",
                out.toString(), "--mode", "accurate");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ScoreCommand.FAILED);
        assertThat(result.output()).contains("score: mode accurate is unavailable: ONNX Runtime's native library "
                + "cannot be loaded on this platform (")
                .contains("riscv64; this build carries linux-x64, linux-aarch64 and osx-aarch64, unpacked into "
                        + "java.io.tmpdir, which must allow executing them, or copied into the folder "
                        + "-Donnxruntime.native.path names)")
                .doesNotContain("\tat ");
    }

    @Test
    void the_engine_answers_unavailable_and_remembers_why() throws Exception {
        Result result = java(RequireTwice.class.getName());

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> lines = result.output().lines().filter(l -> l.startsWith("require: ")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("require: UNAVAILABLE the accurate engine cannot be loaded: ONNX "
                + "Runtime's native library cannot be loaded on this platform (")
                .endsWith("; mode fast keeps working");
        assertThat(lines.get(1)).isEqualTo(lines.get(0));
    }

    /** Run in the riscv64 JVM: asks the engine with the committed heads for its models twice. */
    static final class RequireTwice {

        public static void main(String[] args) {
            AccurateEngine engine = new AccurateEngine(new ModerationProperties.Encoder(true,
                    "classpath:" + ScoreCommand.DEFAULT_HEADS, 1, true), null, () -> null);
            for (int i = 0; i < 2; i++) {
                try {
                    engine.require();
                    System.out.println("require: loaded");
                } catch (BusinessException e) {
                    System.out.println("require: " + e.code() + " " + e.getMessage());
                }
            }
            System.out.println("state: " + engine.status().state());
        }
    }
}
