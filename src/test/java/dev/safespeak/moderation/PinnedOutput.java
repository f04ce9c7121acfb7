package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.testsupport.RewriteMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Compares outputs with their pinned files, or, in rewrite mode ({@code -Dsafespeak.write-pinned=true}), writes them
 * when they differ and fails, by the rule of {@link RewriteMode} (refused in CI; nothing different: checked).
 */
final class PinnedOutput {

    static final String REWRITE_PROPERTY = "safespeak.write-pinned";

    /** One output and the file that pins it. */
    record Pinned(byte[] actual, Path file) {
    }

    private PinnedOutput() {
    }

    /** Checks or rewrites as this JVM was asked: the system property and the environment variable CI. */
    static void check(Pinned... outputs) throws IOException {
        check(Boolean.getBoolean(REWRITE_PROPERTY), RewriteMode.ciIsSet(), outputs);
    }

    static void check(boolean rewrite, boolean ci, Pinned... outputs) throws IOException {
        boolean differs = false;
        for (Pinned output : outputs) {
            differs |= !Files.exists(output.file()) || !Arrays.equals(Files.readAllBytes(output.file()),
                    output.actual());
        }
        RewriteMode.writeOrCheck(rewrite, ci, differs, REWRITE_PROPERTY, "the pinned output ("
                + Arrays.stream(outputs).map(o -> o.file().toString()).collect(Collectors.joining(", ")) + ")", () -> {
                    for (Pinned output : outputs) {
                        Files.write(output.file(), output.actual());
                    }
                });
        for (Pinned output : outputs) {
            assertThat(new String(output.actual(), StandardCharsets.UTF_8))
                    .as("score output differs from %s", output.file())
                    .isEqualTo(Files.readString(output.file(), StandardCharsets.UTF_8));
        }
    }
}
