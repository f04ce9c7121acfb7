package dev.safespeak.modelregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.engine.TinyModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class ModelRegistryServiceTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("registry-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path defaultModel = TinyModels.write(DIR.resolve("default.bin"), "default-1", 0.0);
        registry.add("safespeak.modelregistry.model-dir", () -> DIR.resolve("store").toString());
        registry.add("safespeak.modelregistry.default-model", () -> "file:" + defaultModel);
    }

    @Autowired
    ModelRegistryService registry;
    @Autowired
    ModerationService moderation;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private ModelVersionInfo register(String version, double bias) {
        return registry.register(TinyModels.write(DIR.resolve(version + ".upload"), version, bias));
    }

    @Test
    void the_default_model_is_registered_at_first_start_and_scores() {
        assertThat(registry.versions()).extracting(ModelVersionInfo::version).contains("default-1");
        ModelVersionInfo info = registry.versions().stream().filter(v -> v.version().equals("default-1"))
                .findFirst().orElseThrow();
        assertThat(info.sha256()).hasSize(64);
        assertThat(info.evaluationSummary()).isEqualTo("{\"macroF1\":0.5}");
        assertThat(info.registeredBy()).isEqualTo("system:startup");
        // Other tests in this shared context tamper with their own artifacts; the default's must verify.
        assertThat(registry.verifyChecksums()).noneMatch(problem -> problem.contains("default-1"));
    }

    @Test
    void a_restart_finds_the_shipped_model_by_its_checksum_and_registers_nothing() throws IOException {
        Path stored = DIR.resolve("store").resolve("default-1.bin");
        long before = registry.versions().size();
        Files.delete(stored);

        registry.afterPropertiesSet();

        assertThat(registry.versions()).hasSize((int) before);
        assertThat(stored).as("the shipped copy restored").isRegularFile();
        assertThat(registry.verifyChecksums()).noneMatch(problem -> problem.contains("default-1"));
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void an_active_version_missing_from_this_instances_model_directory_is_restored_from_the_database()
            throws IOException {
        String before = registry.active().version();
        ModelVersionInfo info = register("elsewhere-6", 2.0);
        registry.activate("elsewhere-6");
        try {
            // A new pod on an empty volume, or an image that no longer ships the active model: the file is gone.
            Path stored = DIR.resolve("store").resolve(info.fileName());
            Files.delete(stored);
            assertThat(registry.verifyChecksums()).as("missing here, kept in the database")
                    .noneMatch(p -> p.contains("elsewhere-6"));
            assertThat(stored).as("a check restores nothing").doesNotExist();

            registry.afterPropertiesSet();

            assertThat(stored).isRegularFile();
            assertThat(registry.active().version()).isEqualTo("elsewhere-6");
            assertThat(registry.verifyChecksums()).noneMatch(p -> p.contains("elsewhere-6"));
            assertThat(moderation.moderate(ModerationRequest.of("hello")).modelVersion()).isEqualTo("elsewhere-6");
            try (var files = Files.list(DIR.resolve("store"))) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("restore-"));
            }
        } finally {
            registry.activate(before);
        }
    }

    @Test
    void a_shipped_model_that_cannot_be_registered_fails_the_start_and_leaves_no_staged_file() throws IOException {
        Path shipped = DIR.resolve("default.bin");
        Path aside = DIR.resolve("default.bin.aside");
        Files.move(shipped, aside);
        try {
            // Copied to a staged file, which then fails to load as a model (a copy that fails takes the same way
            // out; the tests run as root here, so an unreadable file cannot make one).
            Files.writeString(shipped, "not a model");

            assertThatThrownBy(() -> registry.afterPropertiesSet()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("model artifact is not a SafeSpeak model (not gzip)");

            try (var files = Files.list(DIR.resolve("store"))) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("default-")
                        && f.endsWith(".tmp"));
            }
        } finally {
            Files.deleteIfExists(shipped);
            Files.move(aside, shipped);
        }
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void activation_switches_the_engine_and_rollback_returns_to_the_previous_version() {
        String before = registry.active().version();
        ModelVersionInfo candidate = register("swap-2", 3.0);
        assertThat(candidate.state()).isEqualTo(ModelState.CANDIDATE);

        registry.activate("swap-2");
        // safespeak_model_active follows the activation at once, not with the next minute's gauges.
        assertThat(meters.get("safespeak.model.active").tag("version", "swap-2").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("safespeak.model.active").tag("version", before).gauge().value()).isEqualTo(0.0);
        ModerationResult result = moderation.moderate(ModerationRequest.of("hello"));
        assertThat(result.modelVersion()).isEqualTo("swap-2");
        assertThat(registry.activeVersion().orElseThrow().previousVersion()).isEqualTo(before);
        assertThat(events.stream(ModelActivated.class))
                .anyMatch(e -> e.actor().equals("ada") && e.toVersion().equals("swap-2")
                        && before.equals(e.fromVersion()) && e.action().equals("model.activated"));

        registry.rollback();
        assertThat(moderation.moderate(ModerationRequest.of("hello")).modelVersion()).isEqualTo(before);
        assertThat(registry.versions()).filteredOn(v -> v.version().equals("swap-2"))
                .extracting(ModelVersionInfo::state).containsExactly(ModelState.RETIRED);
        assertThat(events.stream(ModelActivated.class)).anyMatch(e -> e.action().equals("model.rolled-back"));
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void the_engine_lists_every_registered_version_newest_first_for_the_console() {
        register("listed-4", 0.5);
        List<String> versions = moderation.modelVersions();
        assertThat(versions).first().isEqualTo("listed-4");
        assertThat(versions).contains("default-1").doesNotHaveDuplicates();
        // Encoder heads and byo descriptors are versioned too, but a request cannot name them as its model.
        assertThat(versions).isEqualTo(registry.versions().stream().filter(v -> v.kind() == ModelKind.NGRAM)
                .map(ModelVersionInfo::version).toList());
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_request_can_score_with_a_specific_registered_version() {
        register("compare-3", -3.0);
        ModerationResult result = moderation.moderate(new ModerationRequest(List.of("hi"), Set.of(), List.of(),
                false, java.util.Map.of(), null, "compare-3"));
        assertThat(result.modelVersion()).isEqualTo("compare-3");
        assertThatThrownBy(() -> moderation.moderate(new ModerationRequest(List.of("hi"), Set.of(), List.of(),
                false, java.util.Map.of(), null, "nope"))).hasMessage("model version 'nope' is not registered");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_tampered_artifact_fails_verification_and_cannot_be_activated() throws IOException {
        ModelVersionInfo info = register("tamper-4", 1.0);
        Path stored = DIR.resolve("store").resolve(info.fileName());
        Files.write(stored, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(registry.verifyChecksums()).anyMatch(p -> p.startsWith("model tamper-4: artifact tamper-4.bin has checksum"));
        assertThatThrownBy(() -> registry.activate("tamper-4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registered " + info.sha256());
        Files.delete(stored);
        assertThat(registry.verifyChecksums()).as("the database holds a copy").noneMatch(p -> p.contains("tamper-4"));
        assertThat(stored).as("a check restores nothing").doesNotExist();
        jdbc.update("DELETE FROM model_artifact WHERE version = 'tamper-4'");
        assertThat(registry.verifyChecksums()).anyMatch(p -> p.startsWith("model tamper-4: artifact") && p.endsWith("is missing"));
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_database_copy_whose_checksum_differs_is_not_restored_and_leaves_no_file() throws IOException {
        ModelVersionInfo info = register("badcopy-7", 1.5);
        Path stored = DIR.resolve("store").resolve(info.fileName());
        Files.delete(stored);
        jdbc.update("UPDATE model_artifact SET content = ? WHERE version = 'badcopy-7'", (Object) new byte[] {1, 2});
        assertThat(registry.verifyChecksums()).as("the database hashes its copy").contains("model badcopy-7: the "
                + "database's copy has checksum a12871fee210fb8619291eaea194581cbd2531e4b23759d225f6806923f63222, "
                + "registered " + info.sha256());

        assertThatThrownBy(() -> registry.activate("badcopy-7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model badcopy-7: the database's copy has checksum "
                        + "a12871fee210fb8619291eaea194581cbd2531e4b23759d225f6806923f63222, registered " + info.sha256()
                        + "; not restored");
        assertThat(stored).doesNotExist();
        try (var files = Files.list(DIR.resolve("store"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("restore-"));
        }
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void a_file_that_is_not_a_model_cannot_be_registered() throws IOException {
        Path junk = Files.writeString(DIR.resolve("junk.bin"), "not a model");
        assertThatThrownBy(() -> registry.register(junk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a SafeSpeak model");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void the_same_version_cannot_be_registered_twice_or_activated_twice() {
        register("twice-5", 0.5);
        assertThatThrownBy(() -> register("twice-5", 0.5)).hasMessage("model version twice-5 is already registered");
        String current = registry.active().version();
        assertThatThrownBy(() -> registry.activate(current)).isInstanceOf(BusinessException.class)
                .hasMessage("model " + current + " is already active");
        assertThatThrownBy(() -> registry.activate("unknown")).hasMessage("model version 'unknown' is not registered");
    }

    @Test
    @WithMockUser(username = "qa", roles = "QA_LEAD")
    void only_an_admin_may_activate() {
        assertThatThrownBy(() -> registry.activate("default-1")).isInstanceOf(BusinessException.class)
                .hasMessage("This needs the role Administrator; you hold QA/Test Engineering Lead");
        assertThatThrownBy(() -> registry.rollback()).isInstanceOf(BusinessException.class);
    }

    @Test
    void a_system_rollback_needs_a_system_actor() {
        assertThatThrownBy(() -> registry.rollbackBySystem("mallory"))
                .hasMessage("a system actor must start with 'system:'");
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void swapping_models_while_scoring_fails_no_request() throws Exception {
        register("race-a", 2.0);
        register("race-b", -2.0);
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> scorers = List.of(pool.submit(() -> scoreUntil(stop, seen)),
                    pool.submit(() -> scoreUntil(stop, seen)));
            for (int i = 0; i < 6; i++) {
                String version = i % 2 == 0 ? "race-a" : "race-b";
                seen.remove(version);
                registry.activate(version);
                // Swap again only once a request has been scored by this version: the scorers' first request may
                // still wait for the language tables, which load in the background from start-up on.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!seen.contains(version) && System.nanoTime() < deadline) {
                    for (Future<Integer> scorer : scorers) {
                        if (scorer.isDone()) {
                            scorer.get(); // a scorer that failed: its failure is the test's
                        }
                    }
                    Thread.sleep(5);
                }
                assertThat(seen).as("a request scored after activation %d", i).contains(version);
            }
            stop.set(true);
            for (Future<Integer> f : scorers) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int scoreUntil(AtomicBoolean stop, Set<String> seen) {
        int n = 0;
        while (!stop.get() || n == 0) {
            ModerationResult r = moderation.moderate(ModerationRequest.of("you are great"));
            seen.add(r.modelVersion());
            // Every text of a result is scored by the one model the result names.
            double expected = switch (r.modelVersion()) {
                case "race-a" -> 1 / (1 + Math.exp(-2.0));
                case "race-b" -> 1 / (1 + Math.exp(2.0));
                default -> r.results().get(0).scores().values().iterator().next();
            };
            assertThat(r.results().get(0).scores().values()).allSatisfy(v -> assertThat(v).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-9)));
            n++;
        }
        return n;
    }
}
