package dev.safespeak.modelregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.base.BusinessException;
import dev.safespeak.moderation.ActiveModel;
import dev.safespeak.moderation.ModelArtifact;
import dev.safespeak.moderation.ModelInfo;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.modelregistry.internal.Checksums;
import dev.safespeak.modelregistry.internal.ModelVersionEntity;
import dev.safespeak.modelregistry.internal.ModelVersionRepository;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Roles;
import dev.safespeak.security.ServiceAuthorization;
import dev.safespeak.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers model versions, stores their artifacts under the model directory with a SHA-256 checksum that is
 * verified whenever an artifact is loaded, and activates or rolls back versions. The engine asks it for the
 * active artifact through {@link ActiveModel}; the switch is one atomic reference swap after the new model is
 * loaded, so requests in flight finish with the model they started with. Changes need the ADMIN role (or a
 * {@code system:} actor for automated rollbacks) and publish {@link ModelActivated}.
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class ModelRegistryService implements ActiveModel, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistryService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelVersionRepository repository;
    private final ModerationService moderation;
    private final ModelRegistryProperties properties;
    private final ResourceLoader resources;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AtomicReference<ModelArtifact> active = new AtomicReference<>();
    /** Artifacts asked for by version (the console's side-by-side compare), verified once per process. */
    private final java.util.Map<String, ModelArtifact> verifiedOnce = new java.util.concurrent.ConcurrentHashMap<>();

    ModelRegistryService(ModelVersionRepository repository, ModerationService moderation,
                         ModelRegistryProperties properties, ResourceLoader resources,
                         ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.moderation = moderation;
        this.properties = properties;
        this.resources = resources;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Registers the committed default model and loads the active version's artifact, checksum verified. */
    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> {
            registerDefaultModel();
            List<ModelVersionEntity> actives = repository.findByState(ModelState.ACTIVE);
            if (actives.isEmpty()) {
                log.warn("No model version is active; the engine cannot score until one is activated");
                return;
            }
            ModelVersionEntity current = actives.get(0);
            active.set(verified(current));
            log.info("Model {} is active ({})", current.version(), current.sha256());
        });
    }

    private void registerDefaultModel() {
        Resource resource = resources.getResource(properties.defaultModel());
        if (!resource.exists()) {
            log.warn("The default model {} does not exist; nothing registered", properties.defaultModel());
            return;
        }
        try {
            Path dir = modelDir();
            Path staged = Files.createTempFile(dir, "default-", ".tmp");
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            }
            ModelInfo info = moderation.inspect(staged);
            Optional<ModelVersionEntity> registered = repository.findByVersion(info.version());
            if (registered.isPresent()) {
                // Registered by another instance sharing the database (or before a restore): this instance's model
                // directory may lack the artifact, which the shipped copy restores when the checksums agree.
                Path artifact = dir.resolve(registered.get().fileName());
                if (!Files.isRegularFile(artifact) && Checksums.sha256(staged).equals(registered.get().sha256())) {
                    Files.move(staged, artifact, StandardCopyOption.ATOMIC_MOVE);
                    log.info("Restored the shipped model {} into {}", info.version(), dir);
                }
                Files.deleteIfExists(staged);
                return;
            }
            ModelVersionEntity entity = store(staged, info, "system:startup");
            if (repository.findByState(ModelState.ACTIVE).isEmpty()) {
                entity.activate(null, clock.instant());
                events.publishEvent(new ModelActivated("system:startup", clock.instant(), null, info.version(), false));
            }
            log.info("Registered the default model {} as {}", info.version(), entity.state());
        } catch (IOException e) {
            throw new UncheckedIOException("the default model cannot be stored in " + properties.modelDir(), e);
        }
    }

    /** The active version's artifact. */
    @Override
    public ModelArtifact active() {
        ModelArtifact current = active.get();
        if (current == null) {
            throw new BusinessException(dev.safespeak.base.ErrorCode.UNAVAILABLE, "no model version is active");
        }
        return current;
    }

    /** A registered version's artifact, checksum verified; empty if the version is not registered. */
    @Override
    public Optional<ModelArtifact> find(String version) {
        ModelArtifact current = active.get();
        if (current != null && current.version().equals(version)) {
            return Optional.of(current);
        }
        ModelArtifact known = verifiedOnce.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ModelArtifact> found = repository.findByVersion(version).map(this::verified);
        found.ifPresent(a -> verifiedOnce.put(version, a));
        return found;
    }

    /** The active version's record, if one is active. */
    @Transactional(readOnly = true)
    public Optional<ModelVersionInfo> activeVersion() {
        ModelArtifact current = active.get();
        return current == null ? Optional.empty()
                : repository.findByVersion(current.version()).map(ModelVersionEntity::toInfo);
    }

    /** Every registered version's name, newest first (moderation's console lists them to compare). */
    @Override
    @Transactional(readOnly = true)
    public List<String> registeredVersions() {
        return repository.findAllByOrderByRegisteredAtDescIdDesc().stream().map(ModelVersionEntity::version).toList();
    }

    /** Every registered version, newest first. */
    @Transactional(readOnly = true)
    public List<ModelVersionInfo> versions() {
        return repository.findAllByOrderByRegisteredAtDescIdDesc().stream().map(ModelVersionEntity::toInfo).toList();
    }

    /**
     * Registers a model artifact file as a candidate: copies it into the model directory and records its
     * checksum, provenance and evaluation summary. ADMIN only.
     *
     * @throws IllegalArgumentException if the file is not a model, or its version is already registered
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo register(Path file) {
        String actor = CurrentUser.require().username();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        try {
            Path staged = Files.createTempFile(modelDir(), "upload-", ".tmp");
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            ModelInfo info;
            try {
                info = moderation.inspect(staged);
            } catch (RuntimeException e) {
                Files.deleteIfExists(staged);
                throw e;
            }
            if (repository.findByVersion(info.version()).isPresent()) {
                Files.deleteIfExists(staged);
                throw new IllegalArgumentException("model version " + info.version() + " is already registered");
            }
            return store(staged, info, actor).toInfo();
        } catch (IOException e) {
            throw new UncheckedIOException("model file cannot be stored in " + properties.modelDir(), e);
        }
    }

    /**
     * Makes a registered version the active one: verifies its checksum, loads it, then swaps it in.
     * ADMIN only.
     *
     * @throws IllegalArgumentException if the version is not registered or its artifact fails its checksum
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo activate(String version) {
        return switchTo(CurrentUser.require().username(), version, false);
    }

    /** Rolls back to the version that was active before the current one. ADMIN only. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo rollback() {
        return rollbackAs(CurrentUser.require().username());
    }

    /**
     * Rolls back on behalf of an automated component (the evidence module's rollback trigger).
     *
     * @param systemActor who acts, {@code system:<component>}
     */
    @Transactional
    public ModelVersionInfo rollbackBySystem(String systemActor) {
        if (systemActor == null || !systemActor.startsWith("system:")) {
            throw new IllegalArgumentException("a system actor must start with 'system:'");
        }
        return rollbackAs(systemActor);
    }

    private ModelVersionInfo rollbackAs(String actor) {
        ModelArtifact current = active.get();
        if (current == null) {
            throw BusinessException.conflict("no model version is active, so there is nothing to roll back");
        }
        ModelVersionEntity entity = repository.findByVersion(current.version()).orElseThrow();
        if (entity.previousVersion() == null) {
            throw BusinessException.conflict("model " + current.version() + " has no previous version to roll back to");
        }
        return switchTo(actor, entity.previousVersion(), true);
    }

    /**
     * Checks every stored artifact against its recorded checksum; the evidence module's readiness check
     * uses it.
     *
     * @return one line per problem; empty when every artifact verifies
     */
    @Transactional(readOnly = true)
    public List<String> verifyChecksums() {
        List<String> problems = new ArrayList<>();
        for (ModelVersionEntity e : repository.findAll()) {
            try {
                verified(e);
            } catch (IllegalArgumentException ex) {
                problems.add(ex.getMessage());
            }
        }
        return problems;
    }

    private ModelVersionInfo switchTo(String actor, String version, boolean rollback) {
        ModelVersionEntity target = repository.findByVersion(version)
                .orElseThrow(() -> new IllegalArgumentException("model version '" + version + "' is not registered"));
        ModelArtifact current = active.get();
        if (current != null && current.version().equals(version)) {
            throw BusinessException.conflict("model " + version + " is already active");
        }
        ModelArtifact artifact = verified(target);
        // Load before the swap: a broken artifact is refused here and the switch itself is instant.
        moderation.preload(artifact);
        String from = current == null ? null : current.version();
        if (from != null) {
            repository.findByVersion(from).ifPresent(ModelVersionEntity::retire);
        }
        if (rollback) {
            target.reactivate(clock.instant());
        } else {
            target.activate(from, clock.instant());
        }
        active.set(artifact);
        events.publishEvent(new ModelActivated(actor, clock.instant(), from, version, rollback));
        log.info("{} {} model {} (was {})", actor, rollback ? "rolled back to" : "activated", version, from);
        return target.toInfo();
    }

    private ModelArtifact verified(ModelVersionEntity entity) {
        Path file = modelDirPath().resolve(entity.fileName());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model " + entity.version() + ": artifact " + file + " is missing");
        }
        try {
            String actual = Checksums.sha256(file);
            if (!actual.equals(entity.sha256())) {
                throw new IllegalArgumentException("model " + entity.version() + ": artifact " + file.getFileName()
                        + " has checksum " + actual + ", registered " + entity.sha256());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("model " + entity.version() + ": artifact " + file + " cannot be read");
        }
        return new ModelArtifact(entity.version(), file);
    }

    private ModelVersionEntity store(Path staged, ModelInfo info, String actor) throws IOException {
        String fileName = info.version().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin";
        Path target = modelDir().resolve(fileName);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ModelVersionEntity entity = new ModelVersionEntity(info.version(), fileName, Checksums.sha256(target),
                Files.size(target), info.manifestJson(), evaluationOf(info.manifestJson()), clock.instant(), actor);
        return repository.save(entity);
    }

    private static String evaluationOf(String manifest) {
        try {
            JsonNode node = JSON.readTree(manifest == null ? "{}" : manifest);
            for (String key : List.of("evaluation", "evaluationSummary", "metrics")) {
                if (node.has(key)) {
                    return node.get(key).toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Model manifest is not JSON: {}", e.getMessage());
        }
        return "";
    }

    private Path modelDirPath() {
        return Path.of(properties.modelDir()).toAbsolutePath().normalize();
    }

    private Path modelDir() throws IOException {
        return Files.createDirectories(modelDirPath());
    }
}
