package dev.safespeak.moderation;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.ByoModel;
import dev.safespeak.moderation.engine.EncoderHeads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The accurate engine's loaded models for the moderation service: which encoder heads and bring-your-own model
 * are active (the registry's, else the configured ones), loaded once per combination (seconds: an ONNX Runtime
 * session per encoder) and kept for the next requests. A combination that fails to load is remembered with its
 * reason, so requests get 503 at once instead of retrying the load; fast mode never touches this class.
 */
final class AccurateEngine {

    private static final Logger log = LoggerFactory.getLogger(AccurateEngine.class);
    /** Loaded combinations kept at once: the active one and the one being switched to. */
    private static final int MAX_LOADED = 2;

    /** Where the accurate engine stands, for readiness. */
    enum State { OFF, NOT_LOADED, LOADING, READY, FAILED }

    /** The state and a sentence a person can act on. */
    record Status(State state, String detail) {
    }

    /** The artifacts behind one loaded combination: registry files, or null for the configured ones. */
    private record Source(ModelArtifact heads, ModelArtifact byo) {
    }

    private final ModerationProperties.Encoder settings;
    private final ByoModel configuredByo;
    private final Supplier<ActiveModel> registry;
    private final Map<Source, AccurateModels> loaded = new LinkedHashMap<>();
    private final Map<Source, String> failed = new LinkedHashMap<>();
    private volatile Status status;
    /** Whether ONNX Runtime's native library failed to load (a LinkageError): the platform, not the model. */
    private volatile boolean nativeLibraryMissing;

    AccurateEngine(ModerationProperties.Encoder settings, ByoModel configuredByo, Supplier<ActiveModel> registry) {
        this.settings = settings;
        this.configuredByo = configuredByo;
        this.registry = registry;
        this.status = settings.enabled() ? new Status(State.NOT_LOADED, "not loaded yet")
                : new Status(State.OFF, "switched off (safespeak.moderation.encoder.enabled=false)");
    }

    Status status() {
        return status;
    }

    /**
     * Loads the active combination on a background thread, so the first accurate request does not wait for it;
     * nothing when the engine is off or {@code preload} is false. A JVM may exit during this load: the daemon thread
     * is dropped mid-session, and the environment ONNX Runtime's own shutdown hook would release stays alive until
     * the process ends (OnnxEnvironment, decision 101), so the exit is clean.
     */
    void preloadInBackground() {
        if (!settings.enabled() || !settings.preload()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                AccurateModels models = require();
                log.info("Accurate engine loaded: {}", models.describe());
            } catch (RuntimeException e) {
                if (nativeLibraryMissing) {
                    // The platform or the container (a noexec java.io.tmpdir, where ONNX Runtime unpacks its
                    // libraries) rules the engine out; mode fast is what this deployment offers.
                    log.warn("The accurate engine cannot run here; modes accurate and balanced answer 503: {}",
                            e.getMessage());
                } else {
                    log.error("The accurate engine cannot be loaded; modes accurate and balanced answer 503: {}",
                            e.getMessage());
                }
            }
        }, "accurate-engine-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The loaded models of the active combination, loading them on first use.
     *
     * @throws BusinessException code unavailable, with the reason, when the engine is off or cannot be loaded
     */
    AccurateModels require() {
        if (!settings.enabled()) {
            throw unavailable("the accurate engine is switched off (safespeak.moderation.encoder.enabled=false)");
        }
        Source source = activeSource();
        synchronized (this) {
            AccurateModels models = loaded.get(source);
            if (models != null) {
                return models;
            }
            String problem = failed.get(source);
            if (problem != null) {
                throw unavailable(problem);
            }
            return load(source);
        }
    }

    /**
     * Loads a registry artifact combination ahead of its activation (the registry calls it before the swap); does
     * nothing while the engine is switched off.
     *
     * @throws IllegalArgumentException if it cannot be loaded
     */
    synchronized void preload(ModelArtifact heads, ModelArtifact byo) {
        if (!settings.enabled()) {
            // Switched off: nothing would use the sessions, so loading them (seconds, memory) is skipped.
            return;
        }
        Source source = new Source(heads, byo);
        if (!loaded.containsKey(source)) {
            failed.remove(source);
            try {
                load(source);
            } catch (BusinessException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    private AccurateModels load(Source source) {
        status = new Status(State.LOADING, "loading the encoder sessions");
        long started = System.nanoTime();
        try {
            AccurateModels models = AccurateModels.load(heads(source), byo(source), settings.threads());
            if (loaded.size() >= MAX_LOADED) {
                // Requests in flight may still hold the evicted sessions; they are left to finish, not closed.
                loaded.remove(loaded.keySet().iterator().next());
            }
            loaded.put(source, models);
            status = new Status(State.READY, models.describe() + ", loaded in "
                    + Math.round((System.nanoTime() - started) / 1e6) + " ms");
            return models;
        } catch (IOException | RuntimeException | LinkageError e) {
            nativeLibraryMissing = e instanceof LinkageError;
            String problem = "the accurate engine cannot be loaded: "
                    + (e instanceof LinkageError linkage ? nativeLibraryProblem(linkage) : e.getMessage());
            failed.put(source, problem);
            status = new Status(State.FAILED, problem);
            throw unavailable(problem);
        }
    }

    private Source activeSource() {
        ActiveModel active = registry.get();
        if (active == null) {
            return new Source(null, null);
        }
        return new Source(active.activeEncoderHeads().orElse(null), active.activeByo().orElse(null));
    }

    private EncoderHeads heads(Source source) throws IOException {
        if (source.heads() != null) {
            try (InputStream in = Files.newInputStream(source.heads().file())) {
                return EncoderHeads.read(in);
            }
        }
        Resource resource = new DefaultResourceLoader().getResource(settings.heads());
        if (!resource.exists()) {
            if (byo(source) != null) {
                return null;
            }
            throw new IllegalArgumentException("the encoder heads " + settings.heads()
                    + " do not exist and no bring-your-own model is configured");
        }
        try (InputStream in = resource.getInputStream()) {
            return EncoderHeads.read(in);
        }
    }

    private ByoModel byo(Source source) throws IOException {
        if (source.byo() != null) {
            try (InputStream in = Files.newInputStream(source.byo().file())) {
                return ByoModel.read(in);
            }
        }
        return configuredByo;
    }

    /**
     * Why ONNX Runtime cannot start here: the jar carries its native libraries for linux-x64, linux-aarch64 and
     * osx-aarch64 only (pom.xml, decision 095); elsewhere loading them fails with a LinkageError (no library, an
     * unsupported architecture, or the class that failed to initialise before), which is an Error, not an exception.
     */
    static String nativeLibraryProblem(LinkageError e) {
        return "ONNX Runtime's native library cannot be loaded on this platform (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "; this build carries linux-x64, linux-aarch64 and osx-aarch64, "
                + "unpacked into java.io.tmpdir, which must allow executing them, or copied into the folder "
                + "-Donnxruntime.native.path names): " + e;
    }

    private static BusinessException unavailable(String reason) {
        return new BusinessException(ErrorCode.UNAVAILABLE, reason + "; mode fast keeps working");
    }
}
