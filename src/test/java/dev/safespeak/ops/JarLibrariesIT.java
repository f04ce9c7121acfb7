package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.LanguageTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code ./mvnw verify} after the jar is packaged (failsafe, integration-test phase): no test library in the
 * jar's BOOT-INF/lib. Checks target/'s jar (the build's own) and, when SAFESPEAK_TEST_JAR names one (.ci/run builds
 * the production jar first), that one too. Also that ONNX Runtime enters it slimmed (decision 095), and Lingua, Kotlin
 * and fastutil not at all: the build's language tables replace them (decision 097).
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
    void onnx_runtime_enters_slimmed_and_lingua_not_at_all() throws IOException {
        Path jar = builtJar();
        List<String> entries = JarLibraries.entries(jar);
        assertThat(JarLibraries.libraries(jar)).as("whole jars left out by repackage (pom.xml)")
                .noneMatch(l -> l.startsWith("lingua-") || l.startsWith("onnxruntime-") || l.startsWith("fastutil-")
                        || l.startsWith("kotlin-") || l.startsWith("moshi-") || l.startsWith("okio-"));

        // The language tables replace Lingua and its JSON models (decision 097).
        assertThat(entries).as("Lingua's classes or models in the jar")
                .noneMatch(e -> e.startsWith("BOOT-INF/classes/com/github/pemistahl/")
                        || e.startsWith("BOOT-INF/classes/language-models/") || e.startsWith("BOOT-INF/classes/kotlin/"));
        assertThat(LanguageTables.languagesIn(JarLibraries.read(jar, "BOOT-INF/classes/language-tables.bin"),
                "the jar's language-tables.bin"))
                .as("the languages of the jar's language tables: those of the default languages that need n-grams")
                .containsExactlyElementsOf(LanguageIdentifier.ngramLanguages(LanguageIdentifier.DEFAULT_LANGUAGES));

        assertThat(JarLibraries.childDirectories(entries, "BOOT-INF/classes/ai/onnxruntime/native/"))
                .containsExactly("linux-aarch64", "linux-x64", "osx-aarch64");
        assertThat(entries).contains("BOOT-INF/classes/ai/onnxruntime/OrtEnvironment.class",
                "BOOT-INF/classes/ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "BOOT-INF/classes/ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
                "BOOT-INF/classes/ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
                "BOOT-INF/classes/ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                "BOOT-INF/classes/ai/onnxruntime/native/osx-aarch64/libonnxruntime4j_jni.dylib");
        assertThat(entries).noneMatch(e -> e.contains(".dSYM/"));
    }

    @Test
    void the_production_jar_under_test_has_no_test_library() throws IOException {
        String env = System.getenv("SAFESPEAK_TEST_JAR");
        assumeTrue(env != null && !env.isBlank() && Files.isRegularFile(Path.of(env)),
                "SAFESPEAK_TEST_JAR names no jar (only .ci/run and operators set it); target/'s jar is checked");
        assertNoTestLibraries(Path.of(env));
    }
}
