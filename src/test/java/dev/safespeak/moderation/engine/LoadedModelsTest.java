package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.moderation.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loaded models are read from disk once: an inspected file moved into place is not read again. */
class LoadedModelsTest {

    @TempDir
    Path dir;

    /** Reads a file holding a version name as a keyword classifier of that version, and counts the reads. */
    private final AtomicInteger reads = new AtomicInteger();
    private final ModelLoader loader = new ModelLoader() {
        @Override
        public Classifier load(InputStream in) throws IOException {
            reads.incrementAndGet();
            return KeywordClassifier.standard(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        @Override
        public Classifier loadDefault() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String manifestJson(Classifier classifier) {
            return "{}";
        }
    };
    private final LoadedModels models = new LoadedModels(loader);

    private Path file(String name, String version) throws IOException {
        return Files.writeString(dir.resolve(name), version);
    }

    @Test
    void an_inspected_file_moved_into_place_is_not_read_again() throws IOException {
        Path staged = file("staged.tmp", "v1");
        Classifier inspected = models.inspect(staged);
        Path artifact = Files.move(staged, dir.resolve("v1.bin"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(models.get(new ModelArtifact("v1", artifact))).isSameAs(inspected);
        assertThat(reads).hasValue(1);
    }

    @Test
    void another_file_of_the_same_content_is_read() throws IOException {
        models.inspect(file("staged.tmp", "v1"));
        Path other = file("v1.bin", "v1");

        assertThat(models.get(new ModelArtifact("v1", other)).version()).isEqualTo("v1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_file_changed_after_inspection_is_read_again_and_its_version_checked() throws IOException {
        Path staged = file("staged.tmp", "v1");
        models.inspect(staged);
        Files.writeString(staged, "v2-longer");

        assertThatThrownBy(() -> models.get(new ModelArtifact("v1", staged)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model file staged.tmp holds version v2-longer, registered as v1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_loaded_artifact_is_read_once() throws IOException {
        ModelArtifact artifact = new ModelArtifact("v1", file("v1.bin", "v1"));
        Classifier first = models.get(artifact);

        assertThat(models.get(artifact)).isSameAs(first);
        assertThat(reads).hasValue(1);
    }
}
