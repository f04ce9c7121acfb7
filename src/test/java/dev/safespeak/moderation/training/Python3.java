package dev.safespeak.moderation.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Finds python3 for the tests that run the training scripts (UnseenScriptsTest, ContrastiveScriptsTest). */
final class Python3 {

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
}
