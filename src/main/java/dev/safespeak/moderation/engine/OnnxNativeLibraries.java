package dev.safespeak.moderation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts ONNX Runtime's native libraries where the standard system property {@code onnxruntime.native.path} says,
 * copied from the jar, before ONNX Runtime loads them. Without the property ONNX Runtime unpacks them into
 * {@code java.io.tmpdir} and loads them from there, which fails where that folder may not hold executables: Docker's
 * {@code --tmpfs /tmp} is mounted noexec, so the accurate engine never loaded in the locked-down container. The
 * container image sets the property to a folder on its data volume (docker/Dockerfile).
 */
public final class OnnxNativeLibraries {

    /** ONNX Runtime's own property: a folder holding all its shared libraries. */
    public static final String PROPERTY = "onnxruntime.native.path";

    private static boolean prepared;

    private OnnxNativeLibraries() {
    }

    /** Copies the libraries into the folder the property names, once per JVM; nothing when it is not set. */
    public static synchronized void prepare() throws IOException {
        if (prepared) {
            return;
        }
        String folder = System.getProperty(PROPERTY);
        Optional<String> platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (folder != null && !folder.isBlank() && platform.isPresent()) {
            prepare(Path.of(folder), platform.get(), OnnxNativeLibraries.class.getClassLoader());
        }
        prepared = true;
    }

    /**
     * Copies this platform's libraries from {@code ai/onnxruntime/native/<platform>/} into {@code folder}, replacing
     * a file that differs (a half-written or older copy); returns how many files it wrote. A library the jar lacks is
     * skipped: ONNX Runtime then names it when it fails to load.
     */
    static int prepare(Path folder, String platform, ClassLoader loader) throws IOException {
        Files.createDirectories(folder);
        int written = 0;
        for (String library : libraries(platform)) {
            try (InputStream in = loader.getResourceAsStream("ai/onnxruntime/native/" + platform + "/" + library)) {
                if (in == null) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                Path file = folder.resolve(library);
                if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                        && Arrays.equals(Files.readAllBytes(file), bytes)) {
                    continue;
                }
                // Written beside and moved into place, so another process starting at the same time (the keys
                // command next to the app) never loads a half-written library.
                Path part = Files.createTempFile(folder, library, ".part");
                try {
                    Files.write(part, bytes);
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
                written++;
            }
        }
        return written;
    }

    /** ONNX Runtime's name for a platform ({@code linux-x64}, {@code osx-aarch64}, ...), empty when it has none. */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : null;
        String a = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return o == null || a == null ? Optional.empty() : Optional.of(o + "-" + a);
    }

    static List<String> libraries(String platform) {
        if (platform.startsWith("osx")) {
            return List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib");
        }
        if (platform.startsWith("win")) {
            return List.of("onnxruntime.dll", "onnxruntime4j_jni.dll");
        }
        return List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
    }
}
