package dev.safespeak.modelregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.base.OnPostgres;
import dev.safespeak.moderation.Mode;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.ByoModel;
import dev.safespeak.moderation.engine.TinyModels;
import dev.safespeak.moderation.engine.TinyOnnx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The accurate engine's artifacts in the registry: the committed encoder heads and a configured bring-your-own
 * model (the tiny ONNX classifier of {@link TinyOnnx}, English) are registered with checksums at start and
 * active; activating another version switches what accurate mode scores with; rollback returns. On H2 and on the
 * machine's PostgreSQL.
 */
@RecordApplicationEvents
abstract class AccurateRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dir(String name) {
        try {
            return Files.createTempDirectory("accurate-registry-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void properties(DynamicPropertyRegistry registry, Path dir) {
        Path defaultModel = TinyModels.write(dir.resolve("default.bin"), "default-1", 0.0);
        TinyOnnx.Files2 byo = TinyOnnx.write(dir.resolve("byo"));
        registry.add("safespeak.modelregistry.model-dir", () -> dir.resolve("store").toString());
        registry.add("safespeak.modelregistry.default-model", () -> "file:" + defaultModel);
        registry.add("safespeak.moderation.byo.name", () -> "tiny");
        registry.add("safespeak.moderation.byo.onnx", () -> byo.onnx().toString());
        registry.add("safespeak.moderation.byo.tokenizer", () -> byo.tokenizer().toString());
        registry.add("safespeak.moderation.byo.labels", () -> String.join(",", TinyOnnx.LABELS));
        registry.add("safespeak.moderation.byo.languages", () -> "en");
    }

    abstract Path dir();

    @Autowired
    ModelRegistryService registry;
    @Autowired
    ModerationService moderation;
    @Autowired
    ApplicationEvents events;

    private String engineFor(String text, String language) {
        return moderation.moderate(new ModerationRequest(List.of(text), Set.of(), List.of(language), false, Map.of(),
                null, null, Mode.ACCURATE)).results().get(0).engine();
    }

    private ModelVersionInfo active(ModelKind kind) {
        return registry.versions().stream().filter(v -> v.kind() == kind && v.state() == ModelState.ACTIVE)
                .findFirst().orElseThrow();
    }

    private Path byoDescriptor(String name, Path onnx) throws IOException {
        ByoModel model = new ByoModel(name, onnx, dir().resolve("byo/tokenizer.json"),
                ByoModel.parseLabels(TinyOnnx.LABELS), Set.of("en"), null, 0.5, new double[] {0.2, 0.8}, null, null);
        return Files.writeString(dir().resolve(name + ".json"), model.toJson());
    }

    private static String headsVersion() throws IOException {
        try (InputStream in = AccurateRegistryTest.class.getClassLoader()
                .getResourceAsStream("models/default/encoder-heads.json")) {
            return JSON.readTree(in).path("version").asText();
        }
    }

    @Test
    void the_committed_encoder_heads_are_registered_with_their_checksum_and_active() throws IOException {
        ModelVersionInfo heads = registry.versions().stream().filter(v -> v.version().equals(headsVersionQuietly()))
                .findFirst().orElseThrow();
        assertThat(heads.kind()).isEqualTo(ModelKind.ENCODER_HEADS);
        assertThat(heads.registeredBy()).isEqualTo("system:startup");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/default/encoder-heads.json")) {
            assertThat(heads.sha256()).isEqualTo(AccurateModels.sha256(in.readAllBytes()));
        }
        assertThat(registry.activeEncoderHeads()).isPresent();
        assertThat(registry.verifyChecksums()).isEmpty();
    }

    private static String headsVersionQuietly() {
        try {
            return headsVersion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void an_active_artifact_missing_from_the_model_directory_is_restored_from_the_database() throws IOException {
        // The byo descriptor is no shipped file: only the database's copy can bring it back (on this database's
        // own binary type, BYTEA on PostgreSQL).
        Path descriptor = registry.activeByo().orElseThrow().file();
        byte[] before = Files.readAllBytes(descriptor);
        Files.delete(descriptor);
        assertThat(registry.verifyChecksums()).as("the database's copy, hashed by the database").isEmpty();

        registry.afterPropertiesSet();

        assertThat(descriptor).isRegularFile();
        assertThat(Files.readAllBytes(descriptor)).isEqualTo(before);
        assertThat(registry.verifyChecksums()).isEmpty();
    }

    @Test
    void the_configured_byo_model_is_registered_sealed_with_its_files_checksums_and_active() throws IOException {
        byte[] onnx = Files.readAllBytes(dir().resolve("byo/model.onnx"));
        String version = "byo-tiny-" + AccurateModels.sha256(onnx).substring(0, 12);
        ModelVersionInfo byo = registry.versions().stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow();
        assertThat(byo.kind()).isEqualTo(ModelKind.BYO);
        try (InputStream in = Files.newInputStream(registry.activeByo().orElseThrow().file())) {
            ByoModel sealed = ByoModel.read(in);
            assertThat(sealed.onnxSha256()).isEqualTo(AccurateModels.sha256(onnx));
            assertThat(sealed.tokenizerSha256())
                    .isEqualTo(AccurateModels.sha256(Files.readAllBytes(dir().resolve("byo/tokenizer.json"))));
        }
        assertThat(engineFor("you are an idiot", "en")).isEqualTo("byo:tiny");
    }

    @Test
    void heads_and_byo_versions_are_not_models_a_request_can_name() throws IOException {
        assertThat(registry.registeredVersions()).containsExactly("default-1");
        assertThat(registry.find(headsVersion())).isEmpty();
        assertThat(registry.activeVersion().orElseThrow().kind()).isEqualTo(ModelKind.NGRAM);
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void activating_another_byo_model_switches_accurate_mode_and_rollback_returns() throws IOException {
        String before = active(ModelKind.BYO).version();
        ModelVersionInfo other = registry.register(byoDescriptor("tiny-two", dir().resolve("byo/model.onnx")),
                ModelKind.BYO);
        assertThat(other.state()).isEqualTo(ModelState.CANDIDATE);
        assertThat(other.version()).startsWith("byo-tiny-two-");

        registry.activate(other.version());
        assertThat(engineFor("you are an idiot", "en")).isEqualTo("byo:tiny-two");
        assertThat(active(ModelKind.BYO).previousVersion()).isEqualTo(before);
        assertThat(active(ModelKind.NGRAM).version()).isEqualTo("default-1");
        assertThat(events.stream(ModelActivated.class)).anyMatch(e -> e.toVersion().equals(other.version())
                && before.equals(e.fromVersion()) && e.actor().equals("ada"));

        registry.rollback(ModelKind.BYO);
        assertThat(engineFor("you are an idiot", "en")).isEqualTo("byo:tiny");
        assertThat(active(ModelKind.BYO).version()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void activating_other_encoder_heads_switches_accurate_mode_and_rollback_returns() throws IOException {
        // The same heads without the Chinese encoder: Chinese falls back to the n-gram model once they are active.
        ObjectNode heads;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/default/encoder-heads.json")) {
            heads = (ObjectNode) JSON.readTree(in);
        }
        heads.put("version", heads.path("version").asText() + "-en-only");
        ArrayNode encoders = (ArrayNode) heads.path("encoders");
        for (int i = encoders.size() - 1; i >= 0; i--) {
            if (!encoders.get(i).path("languages").toString().contains("\"en\"")) {
                encoders.remove(i);
            }
        }
        Path file = Files.writeString(dir().resolve("heads-en-only.json"), heads.toString());
        String chinese = "你是个白痴，滚开";
        assertThat(engineFor(chinese, "zh")).isEqualTo("encoder:bge-small-zh-v1.5-q");

        ModelVersionInfo enOnly = registry.register(file, ModelKind.ENCODER_HEADS);
        registry.activate(enOnly.version());
        assertThat(engineFor(chinese, "zh")).isEqualTo("ngram");
        assertThat(engineFor("you are an idiot", "en")).isEqualTo("byo:tiny");
        assertThat(registry.activeEncoderHeads().orElseThrow().version()).isEqualTo(enOnly.version());

        registry.rollback(ModelKind.ENCODER_HEADS);
        assertThat(engineFor(chinese, "zh")).isEqualTo("encoder:bge-small-zh-v1.5-q");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void heads_of_the_older_format_1_still_register_activate_and_score() throws IOException {
        // The heads committed before the blend got its own place in the file (format 2), kept as a test resource.
        Path file = dir().resolve("heads-format-1.json");
        try (InputStream in = getClass().getResourceAsStream("/models/encoder-heads-format-1.json")) {
            Files.copy(in, file);
        }
        String chinese = "你是个白痴，滚开";
        String before = registry.activeEncoderHeads().orElseThrow().version();

        ModelVersionInfo old = registry.register(file, ModelKind.ENCODER_HEADS);
        registry.activate(old.version());

        assertThat(registry.activeEncoderHeads().orElseThrow().version()).endsWith("-format-1");
        assertThat(engineFor(chinese, "zh")).isEqualTo("encoder:bge-small-zh-v1.5-q");
        registry.rollback(ModelKind.ENCODER_HEADS);
        assertThat(registry.activeEncoderHeads().orElseThrow().version()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_byo_model_whose_onnx_file_changed_after_registration_is_refused_at_activation() throws IOException {
        Path copy = Files.write(dir().resolve("copy.onnx"), TinyOnnx.model());
        ModelVersionInfo info = registry.register(byoDescriptor("tiny-changed", copy), ModelKind.BYO);
        String sealed = AccurateModels.sha256(TinyOnnx.model());
        byte[] changed = TinyOnnx.model();
        changed[changed.length - 1] ^= 1;
        Files.write(copy, changed);
        String before = active(ModelKind.BYO).version();

        assertThatThrownBy(() -> registry.activate(info.version())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bring-your-own model tiny-changed: ONNX file copy.onnx has SHA-256 "
                        + AccurateModels.sha256(changed) + ", expected " + sealed);
        assertThat(active(ModelKind.BYO).version()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_byo_descriptor_naming_a_missing_file_is_not_registered() throws IOException {
        Path missing = dir().resolve("missing.onnx");
        assertThatThrownBy(() -> registry.register(byoDescriptor("tiny-missing", missing), ModelKind.BYO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bring-your-own model tiny-missing: file " + missing + " does not exist");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_file_that_is_not_encoder_heads_is_not_registered_as_heads() throws IOException {
        Path junk = Files.writeString(dir().resolve("junk.json"), "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> registry.register(junk, ModelKind.ENCODER_HEADS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an encoder heads file: format is something-else, expected safespeak-encoder-heads/2 (or the older safespeak-encoder-heads/1)");
    }

    @Test
    @WithMockUser(username = "bob", roles = "QA_LEAD")
    void only_an_admin_registers_accurate_artifacts() throws IOException {
        Path descriptor = byoDescriptor("tiny-denied", dir().resolve("byo/model.onnx"));
        assertThatThrownBy(() -> registry.register(descriptor, ModelKind.BYO))
                .isInstanceOf(dev.safespeak.base.BusinessException.class);
        assertThatThrownBy(() -> registry.rollback(ModelKind.BYO))
                .isInstanceOf(dev.safespeak.base.BusinessException.class);
    }

    @SpringBootTest
    @ActiveProfiles("test")
    static class OnH2 extends AccurateRegistryTest {
        private static final Path DIR = dir("h2");

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            AccurateRegistryTest.properties(registry, DIR);
        }

        @Override
        Path dir() {
            return DIR;
        }
    }

    @SpringBootTest
    @OnPostgres
    static class OnPostgreSQL extends AccurateRegistryTest {
        private static final Path DIR = dir("pg");

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            AccurateRegistryTest.properties(registry, DIR);
        }

        @Override
        Path dir() {
            return DIR;
        }
    }
}
