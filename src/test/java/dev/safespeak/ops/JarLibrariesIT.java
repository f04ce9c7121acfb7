package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibm.icu.text.MessageFormat;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.LanguageTables;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code ./mvnw verify} after the jar is packaged (failsafe, integration-test phase): no test library in the
 * jar's BOOT-INF/lib. Checks target/'s jar (the build's own) and, when SAFESPEAK_TEST_JAR names one (.ci/run builds
 * the production jar first), that one too. Also that ONNX Runtime enters it slimmed (decision 095), and Lingua, Kotlin
 * and fastutil not at all: the build's language tables replace them (decision 099); that ICU4J enters slimmed and
 * the unused libraries decision 098 took out stay out.
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

        // The language tables replace Lingua and its JSON models (decision 099).
        assertThat(entries).as("Lingua's classes or models in the jar")
                .noneMatch(e -> e.startsWith("BOOT-INF/classes/com/github/pemistahl/")
                        || e.startsWith("BOOT-INF/classes/language-models/") || e.startsWith("BOOT-INF/classes/kotlin/"));
        assertThat(LanguageTables.languagesIn(JarLibraries.read(jar, "BOOT-INF/classes/language-tables.bin"),
                "the jar's language-tables.bin"))
                .as("the languages of the jar's language tables: those of the default languages that need n-grams")
                .containsExactlyElementsOf(LanguageIdentifier.ngramLanguages(LanguageIdentifier.DEFAULT_LANGUAGES));

        // linux-x64 only unless built with -Pall-native-platforms (decision 098): pom.xml passes the platforms
        List<String> platforms = List.of(System.getProperty("safespeak.onnx-platforms", "linux-x64").split(","));
        assertThat(JarLibraries.childDirectories(entries, "BOOT-INF/classes/ai/onnxruntime/native/"))
                .as("ONNX Runtime's native platforms in the jar").containsExactlyElementsOf(platforms);
        assertThat(entries).contains("BOOT-INF/classes/ai/onnxruntime/OrtEnvironment.class",
                "BOOT-INF/classes/ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "BOOT-INF/classes/ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so");
        if (platforms.contains("osx-aarch64")) {
            assertThat(entries).contains("BOOT-INF/classes/ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
                    "BOOT-INF/classes/ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                    "BOOT-INF/classes/ai/onnxruntime/native/osx-aarch64/libonnxruntime4j_jni.dylib");
        }
        assertThat(entries).noneMatch(e -> e.contains(".dSYM/"));
    }

    @Test
    void the_jar_keeps_the_tools_that_extract_it_for_class_data_sharing() throws IOException {
        // bin/cds-archive and docker/Dockerfile run java -Djarmode=tools -jar ... extract (decision 097); without
        // this library bin/start falls back to the plain jar and the image does not build.
        assertThat(JarLibraries.libraries(builtJar()).stream().map(JarLibraries::artifact))
                .as("BOOT-INF/lib").contains("spring-boot-jarmode-tools");
    }

    /** Left out of every jar (decision 098). */
    private static final List<String> UNUSED = List.of("lucene", "icu4j", "tribuo", "olcut", "protobuf-java", "jline",
            "jansi", "opencsv", "liblinear", "aspectjweaver", "spring-aspects");
    /**
     * Left out of production jars (decision 098): Hilla and its parsers, and the libraries of Flow's Node.js
     * installer. A development build ({@code ./mvnw verify} without -Pproduction) carries Vaadin's dev server, which
     * needs them.
     */
    private static final List<String> DEVELOPMENT_ONLY = List.of("hilla", "javaparser", "guava", "classgraph",
            "reactor-core", "commons-compress", "commons-codec");

    @Test
    void no_build_time_or_unused_library_comes_back() throws IOException {
        assertNoUnusedLibraries(builtJar());
    }

    @Test
    void no_build_time_or_unused_library_is_in_the_jar_named_by_SAFESPEAK_TEST_JAR() throws IOException {
        Path jar = testJar();
        assertThat(productionMode(jar)).as("%s is a production build", jar).isTrue();
        assertNoUnusedLibraries(jar);
    }

    private static void assertNoUnusedLibraries(Path jar) throws IOException {
        List<String> unwanted = productionMode(jar)
                ? java.util.stream.Stream.concat(UNUSED.stream(), DEVELOPMENT_ONLY.stream()).toList()
                : UNUSED;
        assertThat(JarLibraries.libraries(jar)).as("BOOT-INF/lib of %s", jar).noneMatch(lib -> unwanted.stream()
                .anyMatch(u -> JarLibraries.artifact(lib).equals(u) || JarLibraries.artifact(lib).startsWith(u + "-")));
    }

    /** Whether Vaadin built the jar in production mode (its flow-build-info.json says so). */
    private static boolean productionMode(Path jar) throws IOException {
        String info = new String(JarLibraries.read(jar, "META-INF/VAADIN/config/flow-build-info.json"),
                java.nio.charset.StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(info).path("productionMode").asBoolean();
    }

    @Test
    void icu4j_enters_with_only_the_data_we_load_and_answers_like_the_whole_library() throws Exception {
        Path jar = builtJar();
        String data = "BOOT-INF/classes/com/ibm/icu/impl/data/icudt74b/";
        List<String> dataFiles = JarLibraries.entries(jar).stream()
                .filter(e -> e.startsWith(data) && !e.endsWith("/")).map(e -> e.substring(data.length())).toList();
        assertThat(dataFiles).as("ICU4J data in the jar (pom.xml's icu4j includes)")
                .contains("nfkc_cf.nrm", "uprops.icu", "brkitr/word.brk", "brkitr/cjdict.dict", "plurals.res")
                .noneMatch(f -> f.startsWith("coll/") || f.startsWith("zone/") || f.startsWith("translit/")
                        || f.startsWith("unit/") || f.startsWith("lang/") || f.startsWith("region/"))
                .hasSizeLessThan(40);
        for (Locale locale : Messages.LOCALES) {
            assertThat(dataFiles).as("ICU4J's number data for the UI language %s (pom.xml)", locale)
                    .contains(locale.getLanguage() + ".res", "curr/" + locale.getLanguage() + ".res");
        }

        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Messages.LOCALES.get(0));
        List<String> patterns = bundle.keySet().stream().sorted().map(bundle::getString).toList();
        Path icu = Files.createTempDirectory("slim-icu4j");
        try (ZipFile zip = new ZipFile(jar.toFile());
             URLClassLoader whole = new URLClassLoader(new URL[] {
                     MessageFormat.class.getProtectionDomain().getCodeSource().getLocation()},
                     ClassLoader.getPlatformClassLoader())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("BOOT-INF/classes/com/ibm/icu/") && !entry.isDirectory()) {
                    Path file = icu.resolve(entry.getName().substring("BOOT-INF/classes/".length()));
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
            List<String> expected = IcuProbe.run(whole, patterns, Messages.LOCALES);
            try (URLClassLoader slim = new URLClassLoader(new URL[] {icu.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                assertThat(IcuProbe.run(slim, patterns, Messages.LOCALES))
                        .as("the engine's and the UI's ICU calls with the jar's ICU4J").isEqualTo(expected);
            }
        } finally {
            try (var files = Files.walk(icu)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void the_production_jar_under_test_has_no_test_library() throws IOException {
        assertNoTestLibraries(testJar());
    }

    /** The production jar .ci/run names ({@link AppProcess#jar}); the calling test skips without one. */
    private static Path testJar() {
        Optional<Path> jar = AppProcess.jar();
        assumeTrue(jar.isPresent(),
                "SAFESPEAK_TEST_JAR names no jar (only .ci/run and operators set it); target/'s jar is checked");
        return jar.get();
    }
}
