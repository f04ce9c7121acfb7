package dev.safespeak.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriteModeTest {

    private final List<String> written = new ArrayList<>();

    private void run(boolean rewrite, boolean ci, boolean differs) throws Exception {
        RewriteMode.writeOrCheck(rewrite, ci, differs, "safespeak.write-x", "x.md", () -> written.add("x.md"));
    }

    @Test
    void ci_counts_as_set_when_it_is_non_empty_and_not_false() {
        assertThat(RewriteMode.ciIsSet(null)).isFalse();
        assertThat(RewriteMode.ciIsSet("")).isFalse();
        assertThat(RewriteMode.ciIsSet("  ")).isFalse();
        assertThat(RewriteMode.ciIsSet("false")).isFalse();
        assertThat(RewriteMode.ciIsSet("FALSE")).isFalse();
        assertThat(RewriteMode.ciIsSet("true")).isTrue();
        assertThat(RewriteMode.ciIsSet("1")).isTrue();
        assertThat(RewriteMode.ciIsSet("0")).as("only false means not set").isTrue();
    }

    @Test
    void without_rewrite_the_caller_checks_whether_or_not_something_differs_and_in_or_out_of_ci() {
        for (boolean ci : new boolean[] {false, true}) {
            for (boolean differs : new boolean[] {false, true}) {
                assertThatCode(() -> run(false, ci, differs)).doesNotThrowAnyException();
            }
        }
        assertThat(written).isEmpty();
    }

    @Test
    void rewrite_with_nothing_different_checks_and_writes_nothing_in_or_out_of_ci() {
        assertThatCode(() -> run(true, false, false)).doesNotThrowAnyException();
        assertThatCode(() -> run(true, true, false)).doesNotThrowAnyException();
        assertThat(written).isEmpty();
    }

    @Test
    void rewrite_with_a_difference_writes_and_fails_so_that_it_is_never_taken_for_a_pass() {
        assertThatThrownBy(() -> run(true, false, true)).isInstanceOf(AssertionError.class)
                .hasMessage("x.md rewritten, nothing was checked; rerun without -Dsafespeak.write-x=true to check");
        assertThat(written).containsExactly("x.md");
    }

    @Test
    void rewrite_with_a_difference_in_ci_is_refused_and_writes_nothing() {
        assertThatThrownBy(() -> run(true, true, true)).isInstanceOf(AssertionError.class)
                .hasMessage("-Dsafespeak.write-x=true rewrites x.md and is refused in CI (CI is set): rewrite it on a"
                        + " workstation and commit it with the reason");
        assertThat(written).isEmpty();
    }

    @Test
    void a_failed_write_is_passed_on() {
        assertThatThrownBy(() -> RewriteMode.writeOrCheck(true, false, true, "p", "x.md", () -> {
            throw new java.io.IOException("disk full");
        })).isInstanceOf(java.io.IOException.class).hasMessage("disk full");
    }
}
