package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.pemistahl.lingua.api.Language;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code ./mvnw verify} after the jar is packaged (failsafe, integration-test phase): no test library in the
 * jar's BOOT-INF/lib. Checks target/'s jar (the build's own) and, when SAFESPEAK_TEST_JAR names one (.ci/run builds
 * the production jar first), that one too. Also that Lingua and ONNX Runtime enter it slimmed (decision 095).
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
    void lingua_and_onnx_runtime_enter_slimmed() throws IOException {
        Path jar = builtJar();
        List<String> entries = JarLibraries.entries(jar);
        assertThat(JarLibraries.libraries(jar)).as("whole jars left out by repackage (pom.xml)")
                .noneMatch(l -> l.startsWith("lingua-") || l.startsWith("onnxruntime-") || l.startsWith("fastutil-"));

        assertThat(JarLibraries.childDirectories(entries, "BOOT-INF/classes/language-models/"))
                .as("Lingua models in the jar: pom.xml's list must match the default languages")
                .containsExactlyElementsOf(new java.util.TreeSet<>(LanguageIdentifier.DEFAULT_LANGUAGES));
        for (String code : LanguageIdentifier.DEFAULT_LANGUAGES) {
            for (String file : List.of("unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams")) {
                // every model file Lingua ships for the language (Greek has unigrams only)
                String resource = "language-models/" + code + "/" + file + ".json";
                if (Language.class.getResource("/" + resource) != null) {
                    assertThat(entries).contains("BOOT-INF/classes/" + resource);
                }
            }
            assertThat(entries).contains("BOOT-INF/classes/language-models/" + code + "/unigrams.json");
        }
        assertThat(entries).contains("BOOT-INF/classes/com/github/pemistahl/lingua/api/Language.class");

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
