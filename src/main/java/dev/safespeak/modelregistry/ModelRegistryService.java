package dev.safespeak.modelregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.base.BusinessException;
import dev.safespeak.moderation.ActiveModel;
import dev.safespeak.moderation.ModelArtifact;
import dev.safespeak.moderation.ModelInfo;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.modelregistry.internal.Checksums;
import dev.safespeak.modelregistry.internal.ModelArtifactStore;
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
import java.util.Set;
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
 * verified whenever an artifact is loaded, and activates or rolls back versions. Three kinds are versioned
 * ({@link ModelKind}): the fast n-gram model, the accurate engine's encoder heads and bring-your-own classifier
 * descriptors; one version of each kind is active. The engine asks for the active artifacts through
 * {@link ActiveModel}; a switch is one atomic reference swap after the new artifact is loaded, so requests in flight
 * finish with what they started with. Changes need the ADMIN role (or a {@code system:} actor for automated
 * rollbacks) and publish {@link ModelActivated}.
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
    private final ModelArtifactStore artifacts;
    private final AtomicReference<ModelArtifact> active = new AtomicReference<>();
    private final AtomicReference<ModelArtifact> activeHeads = new AtomicReference<>();
    private final AtomicReference<ModelArtifact> activeByo = new AtomicReference<>();
    /** Artifacts asked for by version (the console's side-by-side compare), verified once per process. */
    private final java.util.Map<String, ModelArtifact> verifiedOnce = new java.util.concurrent.ConcurrentHashMap<>();

    ModelRegistryService(ModelVersionRepository repository, ModerationService moderation,
                         ModelRegistryProperties properties, ResourceLoader resources,
                         ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager,
                         ModelArtifactStore artifacts) {
        this.repository = repository;
        this.moderation = moderation;
        this.properties = properties;
        this.resources = resources;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.artifacts = artifacts;
    }

    /**
     * Registers the committed default model, the configured encoder heads and the configured bring-your-own model,
     * and loads each kind's active artifact, checksum verified.
     */
    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> {
            registerShipped(resources.getResource(properties.defaultModel()), ModelKind.NGRAM);
            registerShipped(resources.getResource(moderation.configuredEncoderHeads()), ModelKind.ENCODER_HEADS);
            registerConfiguredByo();
            copyLocalArtifactsToTheDatabase();
            for (ModelKind kind : ModelKind.values()) {
                List<ModelVersionEntity> actives = repository.findByKindAndState(kind, ModelState.ACTIVE);
                if (actives.isEmpty()) {
                    if (kind == ModelKind.NGRAM) {
                        log.warn("No model version is active; the engine cannot score until one is activated");
                    }
                    continue;
                }
                ModelVersionEntity current = actives.get(0);
                reference(kind).set(loadable(current));
                log.info("{} {} is active ({})", kind, current.version(), current.sha256());
            }
        });
        ModelArtifact fast = active.get();
        if (fast != null) {
            // Read while the rest of the application starts; the first request (or readiness) waits for it if needed.
            moderation.preloadInBackground(fast);
        }
    }

    /**
     * Registers a shipped artifact (the default n-gram model, the configured encoder heads) unless its version is
     * known, and activates it when no version of its kind is active.
     */
    private void registerShipped(Resource resource, ModelKind kind) {
        if (!resource.exists()) {
            log.warn("The shipped {} artifact {} does not exist; nothing registered", kind, resource.getDescription());
            return;
        }
        try {
            Path dir = modelDir();
            Path staged = Files.createTempFile(dir, "default-", ".tmp");
            try {
                String stagedSha256;
                try (InputStream in = resource.getInputStream()) {
                    stagedSha256 = Checksums.copy(in, staged);
                }
                // A restart finds the shipped artifact registered under its checksum and need not load it to read
                // its version: loading the default model costs seconds of every start (issue 12).
                Optional<ModelVersionEntity> registered = repository.findFirstByKindAndSha256OrderByIdAsc(kind,
                        stagedSha256);
                ModelInfo info = null;
                if (registered.isEmpty()) {
                    info = inspect(staged, kind);
                    registered = repository.findByVersion(info.version());
                }
                if (registered.isPresent()) {
                    // Registered by another instance sharing the database (or before a restore): this instance's
                    // model directory may lack the artifact, which the shipped copy restores when the checksums agree.
                    Path artifact = dir.resolve(registered.get().fileName());
                    if (!Files.isRegularFile(artifact) && stagedSha256.equals(registered.get().sha256())) {
                        Files.move(staged, artifact, StandardCopyOption.ATOMIC_MOVE);
                        log.info("Restored the shipped {} {} into {}", kind, registered.get().version(), dir);
                    }
                    return;
                }
                ModelVersionEntity entity = store(staged, info, "system:startup", kind);
                if (repository.findByKindAndState(kind, ModelState.ACTIVE).isEmpty()) {
                    entity.activate(null, clock.instant());
                    events.publishEvent(new ModelActivated("system:startup", clock.instant(), null, info.version(),
                            false));
                }
                log.info("Registered the shipped {} {} as {}", kind, info.version(), entity.state());
            } finally {
                // Moved into place by then, or not needed: a failed copy or check leaves no default-*.tmp behind.
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped " + kind + " artifact cannot be stored in "
                    + properties.modelDir(), e);
        }
    }

    /**
     * Registers the configured bring-your-own model with the checksums its files have now, and activates it when it
     * is new (the operator just configured it). A configured model whose files are missing is logged and left out;
     * the accurate engine then reports why it cannot load.
     */
    private void registerConfiguredByo() {
        Optional<String> descriptor = moderation.configuredByoDescriptor();
        if (descriptor.isEmpty()) {
            return;
        }
        try {
            Path staged = Files.createTempFile(modelDir(), "byo-", ".tmp");
            Files.writeString(staged, descriptor.get());
            ModelInfo info;
            try {
                info = inspect(staged, ModelKind.BYO);
            } catch (IllegalArgumentException e) {
                Files.deleteIfExists(staged);
                log.error("The configured bring-your-own model is not registered: {}", e.getMessage());
                return;
            }
            if (repository.findByVersion(info.version()).isPresent()) {
                Files.deleteIfExists(staged);
                return;
            }
            ModelVersionEntity entity = store(staged, info, "system:startup", ModelKind.BYO);
            String from = activeVersionOf(ModelKind.BYO);
            repository.findByKindAndState(ModelKind.BYO, ModelState.ACTIVE).forEach(ModelVersionEntity::retire);
            entity.activate(from, clock.instant());
            events.publishEvent(new ModelActivated("system:startup", clock.instant(), from, info.version(), false));
            log.info("Registered and activated the configured bring-your-own model {}", info.version());
        } catch (IOException e) {
            throw new UncheckedIOException("the bring-your-own descriptor cannot be stored in " + properties.modelDir(), e);
        }
    }

    private String activeVersionOf(ModelKind kind) {
        return repository.findByKindAndState(kind, ModelState.ACTIVE).stream().findFirst()
                .map(ModelVersionEntity::version).orElse(null);
    }

    /** What an artifact of a kind says about itself; for BYO the manifest is the sealed descriptor. */
    private ModelInfo inspect(Path staged, ModelKind kind) {
        return switch (kind) {
            case NGRAM -> moderation.inspect(staged);
            case ENCODER_HEADS -> moderation.inspectEncoderHeads(staged);
            case BYO -> moderation.sealByo(staged);
        };
    }

    private AtomicReference<ModelArtifact> reference(ModelKind kind) {
        return switch (kind) {
            case NGRAM -> active;
            case ENCODER_HEADS -> activeHeads;
            case BYO -> activeByo;
        };
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

    /** The active encoder heads' artifact; empty when none is registered and active. */
    @Override
    public Optional<ModelArtifact> activeEncoderHeads() {
        return Optional.ofNullable(activeHeads.get());
    }

    /** The active bring-your-own descriptor; empty when none is registered and active. */
    @Override
    public Optional<ModelArtifact> activeByo() {
        return Optional.ofNullable(activeByo.get());
    }

    /**
     * A registered n-gram model version's artifact, checksum verified; empty if no n-gram model of that version is
     * registered (encoder heads and byo descriptors are not models a request can name).
     */
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
        Optional<ModelArtifact> found = repository.findByVersion(version).filter(e -> e.kind() == ModelKind.NGRAM)
                .map(this::loadable);
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

    /** Every registered n-gram model version's name, newest first (moderation's console lists them to compare). */
    @Override
    @Transactional(readOnly = true)
    public List<String> registeredVersions() {
        return repository.findByKindOrderByRegisteredAtDescIdDesc(ModelKind.NGRAM).stream()
                .map(ModelVersionEntity::version).toList();
    }

    /** Every registered version of every kind, newest first. */
    @Transactional(readOnly = true)
    public List<ModelVersionInfo> versions() {
        return repository.findAllByOrderByRegisteredAtDescIdDesc().stream().map(ModelVersionEntity::toInfo).toList();
    }

    /**
     * Registers an n-gram model artifact file as a candidate: copies it into the model directory and records its
     * checksum, provenance and evaluation summary. ADMIN only.
     *
     * @throws IllegalArgumentException if the file is not a model, or its version is already registered
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo register(Path file) {
        return registerAs(file, ModelKind.NGRAM);
    }

    /**
     * Registers an artifact of a kind as a candidate: an n-gram model file, an {@code encoder-heads.json}, or a
     * bring-your-own descriptor (whose ONNX and tokenizer files get their checksums recorded now and verified at
     * every load). ADMIN only.
     *
     * @throws IllegalArgumentException if the file is not an artifact of that kind, a file it names is missing, or
     *                                  its version is already registered
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo register(Path file, ModelKind kind) {
        return registerAs(file, kind);
    }

    private ModelVersionInfo registerAs(Path file, ModelKind kind) {
        String actor = CurrentUser.require().username();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        try {
            Path staged = Files.createTempFile(modelDir(), "upload-", ".tmp");
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            ModelInfo info;
            try {
                info = inspect(staged, kind);
            } catch (RuntimeException e) {
                Files.deleteIfExists(staged);
                throw e;
            }
            if (repository.findByVersion(info.version()).isPresent()) {
                Files.deleteIfExists(staged);
                throw new IllegalArgumentException("model version " + info.version() + " is already registered");
            }
            return store(staged, info, actor, kind).toInfo();
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

    /** Rolls back the n-gram model to the version that was active before the current one. ADMIN only. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo rollback() {
        return rollbackAs(CurrentUser.require().username(), ModelKind.NGRAM);
    }

    /** Rolls back a kind to the version that was active before its current one. ADMIN only. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ModelVersionInfo rollback(ModelKind kind) {
        return rollbackAs(CurrentUser.require().username(), kind);
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
        return rollbackAs(systemActor, ModelKind.NGRAM);
    }

    private ModelVersionInfo rollbackAs(String actor, ModelKind kind) {
        ModelArtifact current = reference(kind).get();
        if (current == null) {
            throw BusinessException.conflict(kind == ModelKind.NGRAM
                    ? "no model version is active, so there is nothing to roll back"
                    : kind == ModelKind.ENCODER_HEADS ? "no encoder heads are active, so there is nothing to roll back"
                    : "no bring-your-own model is active, so there is nothing to roll back");
        }
        ModelVersionEntity entity = repository.findByVersion(current.version()).orElseThrow();
        if (entity.previousVersion() == null) {
            throw BusinessException.conflict("model " + current.version() + " has no previous version to roll back to");
        }
        return switchTo(actor, entity.previousVersion(), true);
    }

    /**
     * Checks every stored artifact against its recorded checksum: the file in this instance's model directory, or
     * for a version missing there, the database's copy (which loading would restore). The evidence module's
     * readiness check uses it.
     *
     * @return one line per problem; empty when every artifact verifies
     */
    @Transactional(readOnly = true)
    public List<String> verifyChecksums() {
        List<String> problems = new ArrayList<>();
        Set<String> kept = artifacts.versions();
        for (ModelVersionEntity e : repository.findAll()) {
            if (!Files.isRegularFile(modelDirPath().resolve(e.fileName())) && kept.contains(e.version())) {
                // Not on this instance's disk (a new pod, say) but in the database, from where loading it restores
                // it: the database hashes its copy here, so a bad copy shows now rather than at a rollback.
                String copy = artifacts.sha256(e.version()).orElse("");
                if (!copy.equals(e.sha256())) {
                    problems.add("model " + e.version() + ": the database's copy has checksum " + copy
                            + ", registered " + e.sha256());
                }
                continue;
            }
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
        AtomicReference<ModelArtifact> slot = reference(target.kind());
        ModelArtifact current = slot.get();
        if (current != null && current.version().equals(version)) {
            throw BusinessException.conflict("model " + version + " is already active");
        }
        ModelArtifact artifact = loadable(target);
        // Load before the swap: a broken artifact is refused here and the switch itself is instant.
        switch (target.kind()) {
            case NGRAM -> moderation.preload(artifact);
            case ENCODER_HEADS -> moderation.preloadAccurate(artifact, activeByo.get());
            case BYO -> moderation.preloadAccurate(activeHeads.get(), artifact);
        }
        String from = current == null ? null : current.version();
        if (from != null) {
            repository.findByVersion(from).ifPresent(ModelVersionEntity::retire);
        }
        if (rollback) {
            target.reactivate(clock.instant());
        } else {
            target.activate(from, clock.instant());
        }
        slot.set(artifact);
        events.publishEvent(new ModelActivated(actor, clock.instant(), from, version, rollback));
        log.info("{} {} {} {} (was {})", actor, rollback ? "rolled back to" : "activated", target.kind(), version, from);
        return target.toInfo();
    }

    /**
     * Copies to the database the artifacts of versions registered before it kept them (or by an instance that could
     * not write them), from this instance's model directory where it has them and they verify.
     */
    private void copyLocalArtifactsToTheDatabase() {
        Set<String> kept = artifacts.versions();
        for (ModelVersionEntity e : repository.findAll()) {
            if (!kept.contains(e.version()) && Files.isRegularFile(modelDirPath().resolve(e.fileName()))) {
                try {
                    artifacts.save(e.version(), verified(e).file());
                } catch (IllegalArgumentException ex) {
                    log.warn("Model {} is not copied to the database: {}", e.version(), ex.getMessage());
                }
            }
        }
    }

    /**
     * The artifact of a version about to be loaded, checksum verified: when this instance's model directory lacks it
     * (a new pod on an empty volume, an upgrade whose image no longer ships the active model, a version registered
     * on another instance) it is restored from the database's copy first.
     */
    private ModelArtifact loadable(ModelVersionEntity entity) {
        Path file = modelDirPath().resolve(entity.fileName());
        if (!Files.isRegularFile(file)) {
            try {
                modelDir();
            } catch (IOException e) {
                throw new UncheckedIOException("the model directory " + properties.modelDir() + " cannot be made", e);
            }
            if (artifacts.restore(entity.version(), entity.sha256(), file)) {
                log.info("Restored model {} from the database into {}", entity.version(), file);
            }
        }
        return verified(entity);
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

    private ModelVersionEntity store(Path staged, ModelInfo info, String actor, ModelKind kind) throws IOException {
        if (kind == ModelKind.BYO) {
            // The artifact of a byo model is its sealed descriptor: the files' paths and checksums.
            Files.writeString(staged, info.manifestJson());
        }
        String fileName = info.version().replaceAll("[^A-Za-z0-9._-]", "_") + (kind == ModelKind.NGRAM ? ".bin"
                : ".json");
        Path target = modelDir().resolve(fileName);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ModelVersionEntity entity = new ModelVersionEntity(kind, info.version(), fileName, Checksums.sha256(target),
                Files.size(target), info.manifestJson(), evaluationOf(info.manifestJson()), clock.instant(), actor);
        // Flushed first: the database copy refers to the version's row.
        ModelVersionEntity saved = repository.saveAndFlush(entity);
        artifacts.save(info.version(), target);
        return saved;
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
