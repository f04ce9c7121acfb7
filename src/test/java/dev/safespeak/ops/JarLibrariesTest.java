package dev.safespeak.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker JarLibrariesIT runs on the packaged jar, tried on crafted lists and a crafted jar. */
class JarLibrariesTest {

    @Test
    void finds_the_test_libraries_in_a_list_and_keeps_their_order() {
        List<String> libs = List.of("spring-core-6.2.12.jar", "archunit-1.4.1.jar", "junit-jupiter-api-5.12.2.jar",
                "karibu-testing-v24-2.5.0.jar", "selenium-java-4.52.0.jar", "mockito-core-5.17.0.jar",
                "assertj-core-3.27.6.jar", "testcontainers-1.21.3.jar", "hamcrest-3.0.jar", "spring-test-6.2.12.jar",
                "spring-boot-test-autoconfigure-3.5.7.jar", "lingua-1.2.2.jar");

        assertThat(JarLibraries.testLibraries(libs)).containsExactly("archunit-1.4.1.jar",
                "junit-jupiter-api-5.12.2.jar", "karibu-testing-v24-2.5.0.jar", "selenium-java-4.52.0.jar",
                "mockito-core-5.17.0.jar", "assertj-core-3.27.6.jar", "testcontainers-1.21.3.jar", "hamcrest-3.0.jar",
                "spring-test-6.2.12.jar", "spring-boot-test-autoconfigure-3.5.7.jar");
    }

    @Test
    void run_time_libraries_whose_names_only_look_alike_pass() {
        List<String> libs = List.of("spring-tx-6.2.12.jar", "spring-boot-3.5.7.jar", "spring-modulith-api-1.4.4.jar",
                "spring-modulith-events-core-1.4.4.jar", "spring-boot-testing-1.0.jar", "junitish-1.0.jar",
                "jakarta.annotation-api-2.1.1.jar", "asm-9.8.jar");

        assertThat(JarLibraries.testLibraries(libs)).isEmpty();
    }

    @Test
    void artifact_names_drop_the_version() {
        assertThat(JarLibraries.artifact("archunit-1.4.1.jar")).isEqualTo("archunit");
        assertThat(JarLibraries.artifact("karibu-testing-v24-2.5.0.jar")).isEqualTo("karibu-testing-v24");
        assertThat(JarLibraries.artifact("listenablefuture-9999.0-empty-to-avoid-conflict-with-guava.jar"))
                .isEqualTo("listenablefuture");
        assertThat(JarLibraries.artifact("noversion.jar")).isEqualTo("noversion");
        assertThatThrownBy(() -> JarLibraries.artifact(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library file name is empty");
    }

    @Test
    void lists_the_directories_directly_under_a_prefix() {
        List<String> entries = List.of("BOOT-INF/classes/language-models/", "BOOT-INF/classes/language-models/en/",
                "BOOT-INF/classes/language-models/en/trigrams.json", "BOOT-INF/classes/language-models/de/a/b.json",
                "BOOT-INF/classes/language-models/readme.txt", "BOOT-INF/classes/other/fr/x.json");

        assertThat(JarLibraries.childDirectories(entries, "BOOT-INF/classes/language-models/"))
                .containsExactly("de", "en");
    }

    @Test
    void reads_the_libraries_of_a_boot_jar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("BOOT-INF/classes/App.class", "BOOT-INF/lib/spring-core-6.2.12.jar",
                    "BOOT-INF/lib/archunit-1.4.1.jar", "BOOT-INF/lib/readme.txt", "META-INF/MANIFEST.MF")) {
                zip.putNextEntry(new ZipEntry(name));
                OutputStream out = zip;
                out.write(1);
                zip.closeEntry();
            }
        }

        List<String> libs = JarLibraries.libraries(jar);

        assertThat(libs).containsExactly("spring-core-6.2.12.jar", "archunit-1.4.1.jar");
        assertThat(JarLibraries.testLibraries(libs)).containsExactly("archunit-1.4.1.jar");
        assertThat(JarLibraries.read(jar, "BOOT-INF/classes/App.class")).containsExactly(1);
        assertThatThrownBy(() -> JarLibraries.read(jar, "BOOT-INF/classes/language-tables.bin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(jar + " has no entry BOOT-INF/classes/language-tables.bin");
    }
}
