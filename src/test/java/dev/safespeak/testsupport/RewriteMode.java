package dev.safespeak.testsupport;

import java.io.IOException;

/**
 * The one rule for tests that compare output with a committed file and can rewrite it when asked (a system property
 * such as {@code -Dsafespeak.write-docs=true}): ConfigurationDocsTest and the pinned score output use it.
 * <ul>
 * <li>Not asked to rewrite, or nothing differs: the caller checks (and passes when nothing differs).</li>
 * <li>Asked, something differs, CI set: refused, nothing written; nobody in CI reads why the file changed.</li>
 * <li>Asked, something differs, CI not set: the files are written and the test fails, so that a run that rewrote
 * them and checked nothing is never taken for a pass.</li>
 * </ul>
 * CI counts as set when the environment variable is non-empty and not {@code false} (any case).
 */
public final class RewriteMode {

    /** Writes the new content into the committed files. */
    @FunctionalInterface
    public interface Write {
        void write() throws IOException;
    }

    private RewriteMode() {
    }

    /** Whether a value of the environment variable CI means "running in CI". */
    public static boolean ciIsSet(String ci) {
        return ci != null && !ci.isBlank() && !ci.strip().equalsIgnoreCase("false");
    }

    /** Whether this JVM runs in CI, by its environment variable CI. */
    public static boolean ciIsSet() {
        return ciIsSet(System.getenv("CI"));
    }

    /**
     * Returns normally when the caller is to check (not asked to rewrite, or nothing differs); otherwise refuses
     * (CI) or writes, and fails either way with an AssertionError naming {@code what} and the property.
     */
    public static void writeOrCheck(boolean rewrite, boolean ci, boolean differs, String property, String what,
            Write write) throws IOException {
        if (!rewrite || !differs) {
            return;
        }
        if (ci) {
            throw new AssertionError("-D" + property + "=true rewrites " + what + " and is refused in CI (CI is set):"
                    + " rewrite it on a workstation and commit it with the reason");
        }
        write.write();
        throw new AssertionError(what + " rewritten, nothing was checked; rerun without -D" + property
                + "=true to check");
    }
}
