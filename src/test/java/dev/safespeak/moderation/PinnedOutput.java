package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Compares outputs with their pinned files, or, in rewrite mode ({@code -Dsafespeak.write-pinned=true}), writes them
 * into those files and fails: a run that rewrote the files checked nothing, so it must never look like a pass. Rewrite
 * mode refuses to run in CI (environment variable {@code CI} set), where nobody reads why the files changed.
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
        String ci = System.getenv("CI");
        check(Boolean.getBoolean(REWRITE_PROPERTY), ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"),
                outputs);
    }

    static void check(boolean rewrite, boolean ci, Pinned... outputs) throws IOException {
        if (rewrite && ci) {
            throw new AssertionError("-D" + REWRITE_PROPERTY + "=true rewrites the pinned output and is refused in CI"
                    + " (CI is set): rewrite it on a workstation and commit it with the reason");
        }
        if (rewrite) {
            for (Pinned output : outputs) {
                Files.write(output.file(), output.actual());
            }
            throw new AssertionError("pinned output rewritten ("
                    + Arrays.stream(outputs).map(o -> o.file().toString()).collect(Collectors.joining(", "))
                    + "), nothing was checked; rerun without -D" + REWRITE_PROPERTY + "=true to check");
        }
        for (Pinned output : outputs) {
            assertThat(new String(output.actual(), StandardCharsets.UTF_8))
                    .as("score output differs from %s", output.file())
                    .isEqualTo(Files.readString(output.file(), StandardCharsets.UTF_8));
        }
    }
}
