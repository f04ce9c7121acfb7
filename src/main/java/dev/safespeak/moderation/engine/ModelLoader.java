package dev.safespeak.moderation.engine;

import java.io.IOException;
import java.io.InputStream;

/** Reads model artifacts of the formats this build understands into classifiers. */
public interface ModelLoader {

    /**
     * Reads an artifact, validating its format and model type before returning.
     *
     * @throws IllegalArgumentException if the stream is not a model this build can read
     */
    Classifier load(InputStream in) throws IOException;

    /** The committed default model from the classpath. */
    Classifier loadDefault();

    /** The manifest (provenance, evaluation) of a loaded classifier, JSON; "{}" when it carries none. */
    String manifestJson(Classifier classifier);
}
