package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classifiers loaded so far, by artifact, so switching the active version is a map look-up and a
 * request in flight keeps the classifier it started with. Holds at most {@link #MAX_LOADED} models
 * (each is tens of megabytes); the committed default is loaded lazily once.
 */
public final class LoadedModels {

    /** More loaded models than this and all but the one being asked for are dropped. */
    static final int MAX_LOADED = 3;

    private final ModelLoader loader;
    private final Map<ModelArtifact, Classifier> loaded = new ConcurrentHashMap<>();
    private volatile Classifier defaultModel;

    public LoadedModels(ModelLoader loader) {
        this.loader = loader;
    }

    public ModelLoader loader() {
        return loader;
    }

    /** The committed default model, loaded on first use. */
    public Classifier defaultModel() {
        Classifier model = defaultModel;
        if (model == null) {
            synchronized (this) {
                if (defaultModel == null) {
                    defaultModel = loader.loadDefault();
                }
                model = defaultModel;
            }
        }
        return model;
    }

    /**
     * The classifier of an artifact, loading it on first use.
     *
     * @throws IllegalArgumentException if the file is not a model or its version is not the registered one
     */
    public Classifier get(ModelArtifact artifact) {
        Classifier model = loaded.get(artifact);
        if (model != null) {
            return model;
        }
        synchronized (this) {
            model = loaded.get(artifact);
            if (model == null) {
                model = read(artifact);
                if (loaded.size() >= MAX_LOADED) {
                    loaded.clear();
                }
                loaded.put(artifact, model);
            }
            return model;
        }
    }

    private Classifier read(ModelArtifact artifact) {
        Classifier model;
        try (InputStream in = Files.newInputStream(artifact.file())) {
            model = loader.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("model " + artifact.version() + " cannot be read from " + artifact.file(), e);
        }
        if (!model.version().equals(artifact.version())) {
            throw new IllegalArgumentException("model file " + artifact.file().getFileName() + " holds version "
                    + model.version() + ", registered as " + artifact.version());
        }
        return model;
    }
}
