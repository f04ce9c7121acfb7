package dev.safespeak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.AuditFilter;
import dev.safespeak.audit.AuditService;
import dev.safespeak.evidence.internal.MetricHistoryRepository;
import dev.safespeak.evidence.internal.MetricHistoryRepository.Sample;
import dev.safespeak.evidence.internal.MetricsSampler;
import dev.safespeak.modelregistry.ModelRegistryService;
import dev.safespeak.modelregistry.ModelVersionInfo;
import dev.safespeak.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application with the real engine on H2: the committed default model is registered at start (the
 * previous version), the committed tiny model of artifact format 1 is registered and activated (the newer one),
 * a controlled error-rate breach raises the rollback alert, and {@code POST /api/v1/moderate} shows which model
 * answers. Subclasses roll back by hand from the board or automatically.
 */
@SpringBootTest(properties = {"safespeak.evidence.probe.enabled=false",
        "safespeak.evidence.checks.schedule-minutes=10000", "safespeak.evidence.rollback.live=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ModelRollbackEndToEnd {

    static final String NEWER = "tiny-format-1";

    @DynamicPropertySource
    static void modelDirectory(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("rollback-e2e");
            registry.add("safespeak.modelregistry.model-dir", () -> dir.resolve("store").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ModelRegistryService registry;
    @Autowired
    RollbackService rollback;
    @Autowired
    ApiKeyService keys;
    @Autowired
    AuditService audit;
    @Autowired
    MetricHistoryRepository history;
    @Autowired
    Clock clock;

    String previous;
    String secret;

    @BeforeEach
    void registerTwoVersionsAndActivateTheNewer() throws IOException {
        login("admin", Role.ADMIN);
        // The committed default model, registered and activated at start.
        previous = registry.versions().stream().filter(v -> v.registeredBy().equals("system:startup")
                        && v.kind() == dev.safespeak.modelregistry.ModelKind.NGRAM)
                .map(ModelVersionInfo::version).findFirst().orElseThrow();
        assertThat(previous).isNotEqualTo(NEWER);
        if (registry.versions().stream().noneMatch(v -> v.version().equals(NEWER))) {
            Path upload = Files.createTempFile("tiny-format-1", ".bin");
            try (InputStream in = getClass().getResourceAsStream("/models/tiny-format-1.bin")) {
                Files.copy(in, upload, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            registry.register(upload);
        }
        if (!registry.activeVersion().map(ModelVersionInfo::version).orElse("").equals(NEWER)) {
            registry.activate(NEWER);
        }
        secret = keys.create("rollback-e2e", "acme", 1000, 100_000L).secret();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void login(String user, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    /** Asks the API which model scores a text. */
    void assertTheApiAnswersWith(String version) throws Exception {
        mvc.perform(post("/api/v1/moderate").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"have a nice day\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.modelVersion").value(version))
                .andExpect(jsonPath("$.results[0].modelVersion").value(version));
    }

    /** Controlled input: 40 of 100 API requests failed in the last minute, far past the 1% trigger. */
    void breachTheErrorRateTrigger() {
        Instant at = clock.instant().minusSeconds(30);
        history.insert(List.of(new Sample("e2e", at, 10, MetricsSampler.API_REQUESTS, "all", 100),
                new Sample("e2e", at, 10, MetricsSampler.API_ERRORS, "500", 40)));
    }

    boolean rollbackAlertOpen() {
        return rollback.openAlerts().stream().anyMatch(a -> a.kind() == EvidenceAlert.Kind.ROLLBACK);
    }

    /** The audit trail's entries of an action, read as an admin; the audit listener appends asynchronously. */
    List<AuditEntry> awaitAudit(String action) {
        login("auditor", Role.ADMIN);
        try {
            return await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                    () -> audit.search(new AuditFilter(null, action, null, null, null), 50).stream()
                            .filter(e -> e.action().equals(action)).toList(), l -> !l.isEmpty());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
