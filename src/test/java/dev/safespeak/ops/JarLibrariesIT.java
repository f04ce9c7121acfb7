package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code ./mvnw verify} after the jar is packaged (failsafe, integration-test phase): no test library in the
 * jar's BOOT-INF/lib. Checks target/'s jar (the build's own) and, when SAFESPEAK_TEST_JAR names one (.ci/run builds
 * the production jar first), that one too.
 */
class JarLibrariesIT {

    private static Path builtJar() {
        String path = System.getProperty("safespeak.jar");
        assertThat(path).as("system property safespeak.jar (set by failsafe in pom.xml)").isNotBlank();
        return Path.of(path);
    }

    private static void assertNoTestLibraries(Path jar) throws IOException {
        assertThat(jar).as("the packaged jar").isRegularFile();
        List<String> libs = JarLibraries.libraries(jar);
        assertThat(libs).as("BOOT-INF/lib of %s", jar).isNotEmpty();
        assertThat(JarLibraries.testLibraries(libs)).as("test libraries in BOOT-INF/lib of %s", jar).isEmpty();
    }

    @Test
    void the_packaged_jar_has_no_test_library() throws IOException {
        assertNoTestLibraries(builtJar());
    }

    @Test
    void the_production_jar_under_test_has_no_test_library() throws IOException {
        String env = System.getenv("SAFESPEAK_TEST_JAR");
        assumeTrue(env != null && !env.isBlank() && Files.isRegularFile(Path.of(env)),
                "SAFESPEAK_TEST_JAR names no jar (only .ci/run and operators set it); target/'s jar is checked");
        assertNoTestLibraries(Path.of(env));
    }
}
