package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
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
    /** The last model file inspected, kept until it is loaded as an artifact (the registry moves it into place). */
    private volatile Inspected lastInspected;

    /** A classifier read from a file, and what identifies that file after a move within its file system. */
    private record Inspected(Object fileKey, long size, FileTime modified, Classifier classifier) {

        static Inspected of(Path file, Classifier classifier) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Inspected(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), classifier);
        }

        boolean isFile(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return fileKey != null && fileKey.equals(attributes.fileKey()) && size == attributes.size()
                    && modified.equals(attributes.lastModifiedTime());
        }
    }

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
     * Reads a model file to describe it before it is registered. The classifier is kept until that file, moved into
     * the model directory, is loaded as an artifact, so registering and activating a model reads it once, not twice
     * (the first start did, for seconds).
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public Classifier inspect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Classifier classifier = loader.load(in);
            lastInspected = Inspected.of(file, classifier);
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException("model file " + file.getFileName() + " cannot be read", e);
        }
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
        Inspected inspected = lastInspected;
        try {
            if (inspected != null && inspected.isFile(artifact.file())) {
                lastInspected = null;
                model = inspected.classifier();
            } else {
                try (InputStream in = Files.newInputStream(artifact.file())) {
                    model = loader.load(in);
                }
            }
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
