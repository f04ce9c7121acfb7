package dev.safespeak.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The libraries a Spring Boot jar carries (its BOOT-INF/lib entries) and which of them are test libraries, which have
 * no business at run time: they grow the jar and the attack surface, and ArchUnit once came in through a starter.
 */
final class JarLibraries {

    /**
     * Artifact names (the file name without version) of test frameworks and their helpers; a library is a test library
     * when its name is one of these or starts with one of these followed by '-' (junit-jupiter-api, selenium-java).
     */
    static final List<String> TEST_LIBRARIES = List.of(
            "archunit", "junit", "karibu", "karibu-testing", "selenium", "mockito", "assertj", "testcontainers",
            "hamcrest", "awaitility", "xmlunit", "jsonassert", "opentest4j", "byte-buddy-agent", "testng", "wiremock",
            "rest-assured", "htmlunit", "spring-test", "spring-boot-test", "spring-security-test",
            "spring-modulith-test", "spring-modulith-docs", "spring-modulith-starter-test");

    /** name-version.jar, the version starting with a digit: archunit-1.4.1.jar, karibu-testing-v24-2.5.0.jar. */
    private static final Pattern JAR_NAME = Pattern.compile("(.+?)-(\\d[^/]*)\\.jar");

    private JarLibraries() {
    }

    /** The file names under BOOT-INF/lib/ of the jar at {@code jar}, in the jar's order. */
    static List<String> libraries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("BOOT-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }

    /** Every entry name of the jar at {@code jar}, in the jar's order. */
    static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    /**
     * The bytes of the entry {@code name} of the jar at {@code jar}.
     *
     * @throws IllegalArgumentException if the jar has no such entry
     */
    static byte[] read(Path jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IllegalArgumentException(jar + " has no entry " + name);
            }
            try (java.io.InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * The names of the directories directly under {@code prefix} (which ends with '/') among {@code entries}, sorted:
     * the languages under BOOT-INF/classes/language-models/, the platforms under .../ai/onnxruntime/native/.
     */
    static java.util.SortedSet<String> childDirectories(List<String> entries, String prefix) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (String entry : entries) {
            if (entry.startsWith(prefix)) {
                String rest = entry.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    names.add(rest.substring(0, slash));
                }
            }
        }
        return names;
    }

    /** The artifact name of a library file: "archunit-1.4.1.jar" -> "archunit"; a name without version stays whole. */
    static String artifact(String fileName) {
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("library file name is empty");
        }
        Matcher m = JAR_NAME.matcher(fileName);
        return m.matches() ? m.group(1) : fileName.replaceFirst("\\.jar$", "");
    }

    /** The entries of {@code fileNames} that are test libraries (see {@link #TEST_LIBRARIES}), in their order. */
    static List<String> testLibraries(List<String> fileNames) {
        return fileNames.stream().filter(f -> {
            String name = artifact(f);
            return TEST_LIBRARIES.stream().anyMatch(t -> name.equals(t) || name.startsWith(t + "-"));
        }).toList();
    }
}
