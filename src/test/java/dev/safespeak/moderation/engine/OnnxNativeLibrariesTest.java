package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativeLibrariesTest {

    @TempDir
    Path folder;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxNativeLibrariesTest.class.getClassLoader()
                .getResourceAsStream("ai/onnxruntime/native/linux-x64/" + name)) {
            assertThat(in).as("ONNX Runtime's jar holds %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void copies_the_platforms_libraries_from_the_jar_and_only_once() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        Path target = folder.resolve("native");

        assertThat(OnnxNativeLibraries.prepare(target, "linux-x64", loader)).isEqualTo(2);

        assertThat(Files.readAllBytes(target.resolve("libonnxruntime.so"))).isEqualTo(resource("libonnxruntime.so"));
        assertThat(Files.readAllBytes(target.resolve("libonnxruntime4j_jni.so")))
                .isEqualTo(resource("libonnxruntime4j_jni.so"));
        assertThat(OnnxNativeLibraries.prepare(target, "linux-x64", loader)).as("already in place").isZero();
        try (var files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no .part file left behind")
                    .containsExactlyInAnyOrder("libonnxruntime.so", "libonnxruntime4j_jni.so");
        }
    }

    @Test
    void a_damaged_copy_is_replaced() throws IOException {
        Files.write(folder.resolve("libonnxruntime.so"), new byte[] {1, 2, 3});

        assertThat(OnnxNativeLibraries.prepare(folder, "linux-x64", getClass().getClassLoader())).isEqualTo(2);

        assertThat(Files.readAllBytes(folder.resolve("libonnxruntime.so"))).isEqualTo(resource("libonnxruntime.so"));
    }

    @Test
    void a_platform_the_jar_has_no_libraries_for_writes_nothing() throws IOException {
        assertThat(OnnxNativeLibraries.prepare(folder, "linux-riscv64", getClass().getClassLoader())).isZero();
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void platforms_are_named_as_onnx_runtime_names_them() {
        assertThat(OnnxNativeLibraries.platform("Linux", "amd64")).hasValue("linux-x64");
        assertThat(OnnxNativeLibraries.platform("Linux", "aarch64")).hasValue("linux-aarch64");
        assertThat(OnnxNativeLibraries.platform("Mac OS X", "aarch64")).hasValue("osx-aarch64");
        assertThat(OnnxNativeLibraries.platform("Windows 11", "amd64")).hasValue("win-x64");
        assertThat(OnnxNativeLibraries.platform("Linux", "riscv64")).isEmpty();
        assertThat(OnnxNativeLibraries.libraries("osx-aarch64")).containsExactly("libonnxruntime.dylib",
                "libonnxruntime4j_jni.dylib");
    }
}
