package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.PinnedOutput.Pinned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedOutputTest {

    @TempDir
    Path dir;
    private Path first;
    private Path second;

    @BeforeEach
    void pinnedFiles() throws IOException {
        first = Files.writeString(dir.resolve("first.jsonl"), "old 1\n");
        second = Files.writeString(dir.resolve("second.txt"), "old 2");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void output_equal_to_the_pinned_files_passes() {
        assertThatCode(() -> PinnedOutput.check(false, false, new Pinned(bytes("old 1\n"), first),
                new Pinned(bytes("old 2"), second))).doesNotThrowAnyException();
    }

    @Test
    void output_that_differs_fails_naming_the_pinned_file() {
        assertThatThrownBy(() -> PinnedOutput.check(false, false, new Pinned(bytes("old 1\n"), first),
                new Pinned(bytes("new 2"), second)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("score output differs from " + second);
    }

    @Test
    void rewrite_mode_writes_every_file_and_then_fails_so_that_it_is_never_taken_for_a_pass() throws IOException {
        assertThatThrownBy(() -> PinnedOutput.check(true, false, new Pinned(bytes("new 1\n"), first),
                new Pinned(bytes("new 2"), second)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the pinned output (" + first + ", " + second + ") rewritten, nothing was checked; rerun"
                        + " without -Dsafespeak.write-pinned=true to check");
        assertThat(first).hasContent("new 1");
        assertThat(second).hasContent("new 2");
    }

    @Test
    void rewrite_mode_in_ci_fails_without_writing() {
        assertThatThrownBy(() -> PinnedOutput.check(true, true, new Pinned(bytes("new 1\n"), first)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("-Dsafespeak.write-pinned=true rewrites the pinned output (" + first + ") and is refused in"
                        + " CI (CI is set): rewrite it on a workstation and commit it with the reason");
        assertThat(first).hasContent("old 1");
    }

    @Test
    void rewrite_mode_with_nothing_different_checks_and_passes_in_or_out_of_ci() throws IOException {
        for (boolean ci : new boolean[] {false, true}) {
            assertThatCode(() -> PinnedOutput.check(true, ci, new Pinned(bytes("old 1\n"), first),
                    new Pinned(bytes("old 2"), second))).doesNotThrowAnyException();
        }
        assertThat(first).hasContent("old 1");
    }
}
