package dev.safespeak.moderation;

import dev.safespeak.base.BusinessException;
import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.AnalysedText;
import dev.safespeak.moderation.engine.ByoModel;
import dev.safespeak.moderation.engine.Classifier;
import dev.safespeak.moderation.engine.EncoderClassifier;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.EngineComponents;
import dev.safespeak.moderation.engine.LanguageIdentifier;
import dev.safespeak.moderation.engine.LoadedModels;
import dev.safespeak.moderation.engine.ModelLoader;
import dev.safespeak.moderation.engine.ModerationEngine;
import dev.safespeak.moderation.engine.TenantLists;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.WebApplicationContext;

/**
 * Scores texts with the active model. Validates its input: an empty text, a text over
 * {@value ModerationLimits#MAX_TEXT_BYTES} bytes, more than {@value ModerationLimits#MAX_BATCH_ITEMS}
 * texts, an unsupported language hint or a threshold outside [0, 1] throw {@link IllegalArgumentException}
 * naming the problem. The work is done by the plain-Java engine the offline scorer also uses; this
 * service adds the active model from the registry, tenant lists and Micrometer metrics.
 */
@Service
public class ModerationService {

    private static final Logger log = LoggerFactory.getLogger(ModerationService.class);

    private final ModerationEngine engine;
    private final LoadedModels models;
    private final ObjectProvider<ActiveModel> activeModel;
    private final ObjectProvider<TenantListService> tenantLists;
    private final Map<String, CompiledLists> compiledLists = new ConcurrentHashMap<>();
    /** The (heads version, n-gram model version) pairs whose blend mismatch was logged (once each). */
    private final Set<String> mismatchLogged = ConcurrentHashMap.newKeySet();
    private final Mode defaultMode;
    private final Mode dropInMode;
    private final AccurateEngine accurate;
    private final ModerationProperties.Encoder encoderSettings;
    private final ByoModel configuredByo;
    /** The beans behind the two providers, once found: resolving a provider costs a bean factory lookup per call. */
    private volatile ActiveModel resolvedActiveModel;
    private volatile TenantListService resolvedTenantLists;

    private record CompiledLists(List<ListEntry> source, TenantLists lists) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    ModerationService(ModerationProperties properties, ObjectProvider<ActiveModel> activeModel,
                      ObjectProvider<TenantListService> tenantLists, ObjectProvider<MeterRegistry> meterRegistry) {
        this(LanguageIdentifier.of(properties.languages()), EngineComponents.analyser(), EngineComponents.modelLoader(),
                activeModel, tenantLists, meterRegistry.getIfAvailable(SimpleMeterRegistry::new), properties);
    }

    ModerationService(LanguageIdentifier languages, Function<String, AnalysedText> analyser, ModelLoader loader,
                      ObjectProvider<ActiveModel> activeModel, ObjectProvider<TenantListService> tenantLists,
                      MeterRegistry meterRegistry) {
        this(languages, analyser, loader, activeModel, tenantLists, meterRegistry,
                new ModerationProperties(languages.supported().stream().sorted().toList()));
    }

    ModerationService(LanguageIdentifier languages, Function<String, AnalysedText> analyser, ModelLoader loader,
                      ObjectProvider<ActiveModel> activeModel, ObjectProvider<TenantListService> tenantLists,
                      MeterRegistry meterRegistry, ModerationProperties properties) {
        this.engine = new ModerationEngine(analyser, languages, new ScoringMetrics(meterRegistry));
        this.models = new LoadedModels(loader);
        this.activeModel = activeModel;
        this.tenantLists = tenantLists;
        this.defaultMode = properties.mode();
        this.dropInMode = properties.dropIn();
        this.encoderSettings = properties.encoder();
        this.configuredByo = properties.byo() != null && properties.byo().configured() ? properties.byo().toModel()
                : null;
        this.accurate = new AccurateEngine(encoderSettings, configuredByo, this::registry);
    }

    /**
     * Loads the active model once the application is up, so the first request is not slow; the accurate engine's
     * encoders (seconds) load on a background thread, in a web application only: a command-line run ({@code keys
     * ...}) scores nothing and would exit while ONNX Runtime is still creating its sessions, which crashes the JVM.
     */
    @EventListener(ApplicationReadyEvent.class)
    void preloadActiveModel(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebApplicationContext) {
            accurate.preloadInBackground();
        }
        try {
            log.info("Active model {} loaded", activeClassifier().version());
        } catch (RuntimeException e) {
            log.error("The active model cannot be loaded: {}", e.getMessage());
        }
    }

    /**
     * Scores every text of the request with the active model, or the version the request names, in the request's
     * mode or the configured default.
     *
     * @throws BusinessException code unavailable when the mode needs the accurate engine and it cannot be loaded
     */
    public ModerationResult moderate(ModerationRequest request) {
        return moderate(request, () -> { });
    }

    /**
     * Scores like {@link #moderate(ModerationRequest)}, running {@code beforeScoring} once everything that can refuse
     * the request has passed (the texts, options and language hints, the model version it names, the accurate engine
     * when its mode needs it) and before any text is scored. The API charges a key's quota there, so a refused
     * request costs nothing, and the checks run once.
     *
     * @throws IllegalArgumentException when the request is invalid (a language hint the engine does not support)
     * @throws BusinessException        not found when the model version is not registered; unavailable when the
     *                                  mode needs the accurate engine and it cannot be loaded
     */
    public ModerationResult moderate(ModerationRequest request, Runnable beforeScoring) {
        Classifier classifier = classifier(request);
        beforeScoring.run();
        return engine.moderate(request, classifier, listsOf(request.tenant()));
    }

    private Classifier classifier(ModerationRequest request) {
        engine.validate(request);
        Classifier fast = classifierFor(request.modelVersion());
        Mode mode = request.mode() == null ? defaultMode : request.mode();
        return switch (mode) {
            case FAST -> fast;
            case ACCURATE -> new EncoderClassifier(fast, checkedBlend(fast), false);
            case BALANCED -> new EncoderClassifier(fast, checkedBlend(fast), true);
        };
    }

    /**
     * The accurate engine's models, logging once per pair of heads and n-gram model versions a warning when the heads'
     * blend was fitted against another n-gram model ({@link EncoderClassifier#blendMismatch}).
     */
    private AccurateModels checkedBlend(Classifier fast) {
        AccurateModels models = accurate.require();
        String pair = models.headsVersion().orElse("") + "|" + fast.version();
        if (!mismatchLogged.contains(pair)) {
            EncoderClassifier.blendMismatch(fast, models).ifPresent(problem -> {
                if (mismatchLogged.add(pair)) {
                    log.warn("Accurate engine: {}", problem);
                }
            });
        }
        return models;
    }

    /** The mode of requests that name none. */
    public Mode defaultMode() {
        return defaultMode;
    }

    /** The mode of the Perspective and OpenAI drop-in endpoints. */
    public Mode dropInMode() {
        return dropInMode;
    }

    /**
     * Whether the accurate engine can score, for readiness: {@code ready}, {@code loading}, {@code off},
     * {@code not-loaded} or {@code failed}, with a sentence.
     */
    public AccurateStatus accurateStatus() {
        AccurateEngine.Status s = accurate.status();
        return new AccurateStatus(s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), s.detail(),
                s.state() == AccurateEngine.State.READY);
    }

    /** The accurate engine's state for readiness and the console. */
    public record AccurateStatus(String state, String detail, boolean ready) {
    }

    /**
     * Loads the accurate engine's artifacts ahead of their activation, so a broken one is refused before it is
     * active; null stands for "the configured one".
     *
     * @throws IllegalArgumentException if they cannot be loaded
     */
    public void preloadAccurate(ModelArtifact heads, ModelArtifact byo) {
        accurate.preload(heads, byo);
    }

    /** The ISO 639-1 codes the engine detects and accepts as hints, sorted. */
    public Set<String> supportedLanguages() {
        return engine.languages().supported();
    }

    /** The language of one text, without scoring it. */
    public DetectedLanguage detectLanguage(String text) {
        ModerationEngine.checkText(text, "text");
        return engine.languages().detect(text);
    }

    /** The version of the model requests are scored with now. */
    public String activeModelVersion() {
        return activeClassifier().version();
    }

    /**
     * The model versions a request may name, newest first: the registry's versions, or only the committed default
     * model's when there is no registry.
     */
    public List<String> modelVersions() {
        ActiveModel registry = registry();
        return registry == null ? List.of(models.defaultModel().version()) : registry.registeredVersions();
    }

    /**
     * Reads a model file and describes it, without activating it; the registry calls it before
     * registering an artifact.
     *
     * @throws IllegalArgumentException if the file is not a model this build can read
     */
    public ModelInfo inspect(Path file) {
        Classifier classifier = models.inspect(file);
        return new ModelInfo(classifier.version(), Set.copyOf(classifier.attributes()),
                Map.copyOf(classifier.defaultThresholds()), models.loader().manifestJson(classifier));
    }

    /**
     * Reads an encoder heads file and describes it, without loading its encoders; the registry calls it before
     * registering heads. The manifest is the heads file's own manifest.
     *
     * @throws IllegalArgumentException if the file is not an encoder heads file
     */
    public ModelInfo inspectEncoderHeads(Path file) {
        EncoderHeads heads;
        try (InputStream in = Files.newInputStream(file)) {
            heads = EncoderHeads.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("encoder heads file " + file.getFileName() + " cannot be read", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "not an encoder heads file"
                    : e.getMessage(), e);
        }
        if (heads.version() == null || heads.version().isBlank()) {
            throw new IllegalArgumentException("encoder heads file " + file.getFileName() + " has no version");
        }
        Map<Attribute, Double> thresholds = new java.util.EnumMap<>(Attribute.class);
        heads.encoders().forEach(e -> e.heads().forEach((a, h) -> thresholds.putIfAbsent(a, h.threshold())));
        return new ModelInfo(heads.version(), Set.copyOf(thresholds.keySet()), Map.copyOf(thresholds),
                heads.manifest().toString());
    }

    /**
     * Reads a bring-your-own model descriptor and seals it: computes the SHA-256 of its ONNX file and tokenizer,
     * which the returned descriptor ({@link ModelInfo#manifestJson()}) carries and every later load verifies. The
     * version is {@code byo-<name>-<first 12 hex digits of the ONNX checksum>}.
     *
     * @throws IllegalArgumentException if the descriptor is invalid, a file is missing, or the descriptor already
     *                                  names a checksum the file no longer has
     */
    public ModelInfo sealByo(Path descriptor) {
        ByoModel model;
        try (InputStream in = Files.newInputStream(descriptor)) {
            model = ByoModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bring-your-own descriptor " + descriptor.getFileName()
                    + " cannot be read", e);
        }
        ByoModel sealed;
        try {
            sealed = model.sealed();
        } catch (IOException e) {
            throw new UncheckedIOException("bring-your-own model " + model.name() + ": a file cannot be read", e);
        }
        Map<Attribute, Double> thresholds = new java.util.EnumMap<>(Attribute.class);
        sealed.labels().stream().filter(java.util.Objects::nonNull).forEach(a -> thresholds.put(a, sealed.threshold()));
        return new ModelInfo(sealed.version(), Set.copyOf(thresholds.keySet()), Map.copyOf(thresholds),
                sealed.toJson());
    }

    /** The configured bring-your-own model's descriptor (without checksums), for the registry; empty if none. */
    public java.util.Optional<String> configuredByoDescriptor() {
        return configuredByo == null ? java.util.Optional.empty() : java.util.Optional.of(configuredByo.toJson());
    }

    /** The configured encoder heads location (a Spring resource location), for the registry. */
    public String configuredEncoderHeads() {
        return encoderSettings.heads();
    }

    /**
     * Loads an artifact into memory ahead of its activation, so the switch itself is instant and a
     * broken artifact is refused before it becomes active.
     *
     * @throws IllegalArgumentException if the file is not a model or holds another version
     */
    public void preload(ModelArtifact artifact) {
        models.get(artifact);
    }

    /**
     * Starts loading an artifact on a daemon thread of its own and returns at once; a request (or the start-up
     * check) that needs it meanwhile waits for that load rather than starting another. A failure is logged here and
     * met again by whoever needs the model.
     */
    public void preloadInBackground(ModelArtifact artifact) {
        Thread thread = new Thread(() -> {
            try {
                models.get(artifact);
            } catch (RuntimeException e) {
                log.error("The model {} cannot be loaded: {}", artifact.version(), e.getMessage());
            }
        }, "model-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private ActiveModel registry() {
        ActiveModel registry = resolvedActiveModel;
        if (registry == null) {
            registry = activeModel.getIfAvailable();
            resolvedActiveModel = registry;
        }
        return registry;
    }

    private Classifier activeClassifier() {
        ActiveModel registry = registry();
        return registry == null ? models.defaultModel() : models.get(registry.active());
    }

    private Classifier classifierFor(String version) {
        if (version == null || version.isBlank()) {
            return activeClassifier();
        }
        ActiveModel registry = registry();
        if (registry == null) {
            Classifier fallback = models.defaultModel();
            if (fallback.version().equals(version)) {
                return fallback;
            }
            throw new IllegalArgumentException("model version '" + version + "' is not registered");
        }
        return models.get(registry.find(version).orElseThrow(
                () -> new IllegalArgumentException("model version '" + version + "' is not registered")));
    }

    private TenantLists listsOf(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return TenantLists.EMPTY;
        }
        TenantListService service = resolvedTenantLists;
        if (service == null) {
            service = tenantLists.getIfAvailable();
            resolvedTenantLists = service;
        }
        if (service == null) {
            return TenantLists.EMPTY;
        }
        List<ListEntry> entries = service.entries(tenant);
        CompiledLists cached = compiledLists.get(tenant);
        if (cached == null || (cached.source() != entries && !cached.source().equals(entries))) {
            cached = new CompiledLists(entries, engine.compile(entries));
            compiledLists.put(tenant, cached);
        }
        return cached.lists();
    }
}
